package nl.consilium.gateway.domain.document;

/**
 * A ZorgDomein document as the gateway understands it, one record per {@link DocumentType}. Every
 * document names the patient and the referrer, and carries the referral's ZD number by which the
 * documents of one referral are joined. Produced by {@code ReferralDocumentReader}; the records'
 * {@code toString} never shows patient data.
 */
public sealed interface ZorgDomeinDocument permits AppointmentRequestDocument, ReferralLetterDocument,
        QuestionnaireDocument, SupplementDocument, CancellationDocument {

    /** Bundle.id, ZD number, type and date. */
    DocumentHeader header();

    /** {@code Composition.subject}. */
    ReferredPatient patient();

    /** {@code Composition.author}. */
    Referrer referrer();

    /** {@code Bundle.id}: unique per document, the idempotency key. */
    default String bundleId() {
        return header().bundleId();
    }

    /** The ZD number ({@code ZD} + 9 digits) shared by all documents of one referral. */
    default String zorgDomeinNumber() {
        return header().zorgDomeinNumber();
    }

    default DocumentType type() {
        return header().type();
    }
}
