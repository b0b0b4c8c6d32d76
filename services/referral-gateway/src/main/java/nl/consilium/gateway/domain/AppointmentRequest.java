package nl.consilium.gateway.domain;

import java.time.LocalDate;

/**
 * What the gateway takes from a ZorgDomein {@code appointment-request} document. Produced by a
 * {@link ReferralDocumentReader}; {@code toString} leaves out patient data.
 *
 * @param bundleId {@code Bundle.id}, unique per document: the idempotency key
 * @param zorgDomeinNumber {@code Composition.identifier}: ZD + 9 digits, shared by the referral's documents
 * @param patient the patient ({@code Composition.subject})
 * @param referrer the referring practitioner ({@code Composition.author})
 * @param requestedProduct {@code ReferralRequest.serviceRequested} product code
 * @param treatingSpecialty {@code ReferralRequest.specialty} code
 * @param treatingHospital the treating-hospital extension of the ReferralRequest; may be null
 */
public record AppointmentRequest(
        String bundleId,
        String zorgDomeinNumber,
        ReferredPatient patient,
        ReferringPractitioner referrer,
        String requestedProduct,
        String treatingSpecialty,
        String treatingHospital) {

    /** The patient as the document names them. {@code birthDate} is null when absent or only partly known. */
    public record ReferredPatient(String bsn, String name, LocalDate birthDate, String gender, String phone,
            String email) {
        @Override
        public String toString() {
            return "ReferredPatient[patient data not shown]";
        }
    }

    /** The referrer: AGB code (8 digits), name and organisation (practice). */
    public record ReferringPractitioner(String agb, String name, String organisation) {
    }

    @Override
    public String toString() {
        return "AppointmentRequest[" + bundleId + ", " + zorgDomeinNumber + ", " + requestedProduct + ", "
                + treatingSpecialty + "]";
    }
}
