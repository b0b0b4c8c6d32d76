package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A document uploaded to a case's dossier: what it is (title, content type, size, SHA-256), who
 * uploaded it and when, and the checklist item it fulfils, if any. Its bytes are a
 * {@link DossierDocumentContent} in a table of their own, so that listing never loads them. Part of
 * the medical record: never changed (database triggers refuse updates and deletes).
 */
@Entity
@Table(name = "dossier_document")
@Immutable
public class DossierDocument extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "item_id")
    private UUID itemId;

    @Column(nullable = false)
    private String title;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected DossierDocument() {
    }

    /**
     * Keeps an uploaded document and its bytes, with their SHA-256. The content type must have been
     * checked against the bytes.
     */
    public static DossierDocument keep(UUID referralId, DossierItem itemOrNull, String title, String contentType,
            byte[] data, String nurse, Instant at) {
        Objects.requireNonNull(data, "data");
        if (itemOrNull != null && !itemOrNull.referralId().equals(referralId)) {
            throw new IllegalArgumentException("The checklist item belongs to another case");
        }
        DossierDocument document = new DossierDocument();
        document.id = UUID.randomUUID();
        document.referralId = Objects.requireNonNull(referralId, "referralId");
        document.itemId = itemOrNull == null ? null : itemOrNull.id();
        document.title = Objects.requireNonNull(title, "title").strip();
        document.contentType = Objects.requireNonNull(contentType, "contentType");
        document.size = data.length;
        document.sha256 = sha256(data);
        document.uploadedAt = Objects.requireNonNull(at, "at");
        document.uploadedBy = Objects.requireNonNull(nurse, "nurse");
        document.persist();
        DossierDocumentContent.of(document.id, data).persist();
        return document;
    }

    /** The lower-case hex SHA-256 of {@code data}. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The documents of a case, in the order they were uploaded; never their bytes. */
    public static List<DossierDocument> ofCase(UUID referralId) {
        return list("referralId = ?1 order by uploadedAt, id", referralId);
    }

    /** One document of a case; empty when it does not exist or belongs to another case. */
    public static Optional<DossierDocument> ofCase(UUID referralId, UUID documentId) {
        return find("referralId = ?1 and id = ?2", referralId, documentId).firstResultOptional();
    }

    /** The bytes, as stored (loaded now). */
    public byte[] data() {
        DossierDocumentContent content = DossierDocumentContent.findById(id);
        if (content == null) {
            throw new IllegalStateException("Dossier document " + id + " has no content");
        }
        return content.data();
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public UUID itemId() { return itemId; }
    public String title() { return title; }
    public String contentType() { return contentType; }
    public long size() { return size; }
    public String sha256() { return sha256; }
    public Instant uploadedAt() { return uploadedAt; }
    public String uploadedBy() { return uploadedBy; }

    @Override
    public String toString() {
        return "DossierDocument[" + id + ", " + contentType + ", " + size + " bytes]";
    }
}
