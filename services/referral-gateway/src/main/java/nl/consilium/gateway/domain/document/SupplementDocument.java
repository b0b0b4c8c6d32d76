package nl.consilium.gateway.domain.document;

import java.util.List;

/** {@code supplement}: extra attachments for a referral. */
public record SupplementDocument(DocumentHeader header, ReferredPatient patient, Referrer referrer,
        List<Attachment> attachments) implements ZorgDomeinDocument {

    public SupplementDocument {
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "SupplementDocument[" + header + ", " + attachments.size() + " attachment(s)]";
    }
}
