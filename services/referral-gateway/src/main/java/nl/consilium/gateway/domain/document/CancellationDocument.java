package nl.consilium.gateway.domain.document;

/** {@code cancellation}: the referral is withdrawn; everything downstream ends it. */
public record CancellationDocument(DocumentHeader header, ReferredPatient patient, Referrer referrer,
        Reason reason) implements ZorgDomeinDocument {

    /**
     * Why the referral was cancelled: the {@link ZorgDomeinProfile#CANCELLATION_REASON_EXTENSION} of the
     * cancelled ReferralRequest. {@code code} may be null when only a text is given; {@code text} may
     * be null when only a code is.
     */
    public record Reason(String code, String text) {
        @Override
        public String toString() {
            return "Reason[" + code + "]";
        }
    }

    @Override
    public String toString() {
        return "CancellationDocument[" + header + ", " + reason + "]";
    }
}
