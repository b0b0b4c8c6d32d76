package nl.consilium.gateway.domain.document;

import java.util.List;

/** {@code referral-letter}: the letter, as one or more attachments (normally one PDF). */
public record ReferralLetterDocument(DocumentHeader header, ReferredPatient patient, Referrer referrer,
        List<Attachment> attachments) implements ZorgDomeinDocument {

    public ReferralLetterDocument {
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "ReferralLetterDocument[" + header + ", " + attachments.size() + " attachment(s)]";
    }
}
