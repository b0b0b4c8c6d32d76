package nl.consilium.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.intake.domain.DossierItemKind;
import nl.consilium.intake.domain.DossierItemSource;
import nl.consilium.intake.domain.DossierItemStatus;

/**
 * The dossier of one intake case: the checklist of documents requested from the treating hospital,
 * the patient or the GP, and the documents uploaded (metadata only, never the bytes). Items in the
 * order they were requested, documents in the order they were uploaded.
 */
public record Dossier(List<Item> items, List<Document> documents) {

    public Dossier {
        items = List.copyOf(items);
        documents = List.copyOf(documents);
    }

    /**
     * One checklist item. {@code receivedAt}/{@code receivedBy} are set once it is {@code RECEIVED},
     * {@code notNeededAt}/{@code notNeededBy} once it is {@code NOT_NEEDED}; {@code version} is the
     * value to send back (as {@code version}) when changing it.
     */
    public record Item(UUID itemId, DossierItemKind kind, String description, DossierItemSource requestedFrom,
            DossierItemStatus status, Instant requestedAt, String requestedBy, Instant receivedAt, String receivedBy,
            Instant notNeededAt, String notNeededBy, String note, long version) {
    }

    /**
     * One uploaded document: its title, the content type it is served with, its size in bytes, its
     * SHA-256 (lower-case hex) and the checklist item it fulfils (null when none).
     */
    public record Document(UUID documentId, UUID itemId, String title, String contentType, long sizeBytes,
            String sha256, Instant uploadedAt, String uploadedBy) {
    }
}
