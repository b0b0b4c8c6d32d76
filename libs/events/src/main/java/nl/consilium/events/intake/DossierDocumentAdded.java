package nl.consilium.events.intake;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * A document was added to the patient's dossier at intake (a letter or result from the treating
 * hospital, an image, ...): described, never carried. The assigned specialist downloads it from
 * intake's dossier endpoint. Owned by intake; consult lists it for the specialist.
 *
 * @param documentId intake's id of the document
 * @param title the title the nurse gave (may be medical content)
 * @param contentType the content type, checked against the bytes
 * @param size the number of bytes
 * @param sha256 SHA-256 of the bytes, lower-case hex
 * @param addedAt when it was uploaded
 */
public record DossierDocumentAdded(UUID referralId, UUID patientId, UUID documentId, String title,
        String contentType, long size, String sha256, Instant addedAt) implements ConsiliumEvent {
}
