package nl.consilium.gateway.domain.document;

/**
 * {@code appointment-request}: the logistics of a referral. The ReferralRequest (a section entry of
 * the Composition) gives the product and the treating party.
 *
 * @param requestedProduct {@code ReferralRequest.serviceRequested}: the ZorgDomein product
 * @param treating who treats the patient now
 */
public record AppointmentRequestDocument(DocumentHeader header, ReferredPatient patient, Referrer referrer,
        Coded requestedProduct, Treating treating) implements ZorgDomeinDocument {

    /**
     * The treating party the second opinion is about.
     *
     * @param specialty {@code ReferralRequest.specialty}: the specialty of the treating doctor (required)
     * @param hospital the {@link ZorgDomeinProfile#TREATING_HOSPITAL_EXTENSION} extension; may be null
     * @param specialist the {@link ZorgDomeinProfile#TREATING_SPECIALIST_EXTENSION} extension (a name, or a
     *        Practitioner of the Bundle); may be null
     */
    public record Treating(Coded specialty, String hospital, String specialist) {
    }

    @Override
    public String toString() {
        return "AppointmentRequestDocument[" + header + ", " + requestedProduct.code() + ", "
                + treating.specialty().code() + "]";
    }
}
