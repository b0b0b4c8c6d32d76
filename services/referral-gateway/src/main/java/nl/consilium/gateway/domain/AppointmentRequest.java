package nl.consilium.gateway.domain;

import java.time.LocalDate;
import nl.consilium.gateway.domain.document.AppointmentRequestDocument;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;

/**
 * What a {@link Referral} takes from a ZorgDomein {@code appointment-request} document: a flat view of
 * {@link AppointmentRequestDocument}. {@code toString} leaves out patient data.
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

    /**
     * The appointment request a document is.
     *
     * @throws DocumentRejected 422 {@code not-supported} for another document type
     */
    public static AppointmentRequest of(ZorgDomeinDocument document) {
        if (!(document instanceof AppointmentRequestDocument request)) {
            throw DocumentRejected.unacceptable("not-supported", "Composition.type", "Document type '"
                    + document.type().code() + "' is not supported yet; only appointment-request documents are accepted");
        }
        var p = request.patient();
        var r = request.referrer();
        return new AppointmentRequest(request.bundleId(), request.zorgDomeinNumber(),
                new ReferredPatient(p.bsn(), p.name(), p.birthDate(), p.gender(), p.phone(), p.email()),
                new ReferringPractitioner(r.agb(), r.name(), r.organisationName()),
                request.requestedProduct().code(), request.treating().specialty().code(),
                request.treating().hospital());
    }

    @Override
    public String toString() {
        return "AppointmentRequest[" + bundleId + ", " + zorgDomeinNumber + ", " + requestedProduct + ", "
                + treatingSpecialty + "]";
    }
}
