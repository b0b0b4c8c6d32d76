package nl.consilium.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.events.referral.DocumentAttachment;
import nl.consilium.gateway.domain.document.Attachment;
import org.hibernate.annotations.Immutable;

/**
 * An attachment of a received document (the PDF letter, a scan, ...), decoded and kept with its
 * checksum. Part of the medical record: never changed (a database trigger refuses it). The bytes are
 * loaded only when asked for.
 */
@Entity
@Table(name = "attachment")
@Immutable
public class ReceivedAttachment extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "bundle_id", nullable = false)
    private String bundleId;

    @Column(nullable = false)
    private int position;

    private String title;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "detected_content_type")
    private String detectedContentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_check", nullable = false)
    private Attachment.ContentCheck contentCheck;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] data;

    protected ReceivedAttachment() {
    }

    /** Keeps the attachments of one document, in their order in the document. */
    public static List<ReceivedAttachment> keep(UUID referralId, String bundleId, List<Attachment> attachments) {
        return java.util.stream.IntStream.range(0, attachments.size()).mapToObj(i -> {
            Attachment a = attachments.get(i);
            ReceivedAttachment kept = new ReceivedAttachment();
            kept.id = UUID.randomUUID();
            kept.referralId = referralId;
            kept.bundleId = bundleId;
            kept.position = i;
            kept.title = a.title();
            kept.contentType = a.contentType();
            kept.detectedContentType = a.detectedContentType();
            kept.contentCheck = a.check();
            kept.size = a.size();
            kept.sha256 = a.sha256();
            kept.data = a.data();
            kept.persist();
            return kept;
        }).toList();
    }

    /** The attachments of one document, in their order. */
    public static List<ReceivedAttachment> ofDocument(String bundleId) {
        return list("bundleId = ?1 order by position", bundleId);
    }

    /**
     * The attachments of a referral, in one query, ordered by {@code documentOrder} (the referral's
     * documents in arrival order) and then by position within the document.
     */
    public static List<ReceivedAttachment> ofReferral(UUID referralId, List<ReceivedDocument> documentOrder) {
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < documentOrder.size(); i++) {
            rank.put(documentOrder.get(i).bundleId(), i);
        }
        return ReceivedAttachment.<ReceivedAttachment>list("referralId", referralId).stream()
                .sorted(java.util.Comparator.<ReceivedAttachment>comparingInt(
                                a -> rank.getOrDefault(a.bundleId, Integer.MAX_VALUE))
                        .thenComparingInt(a -> a.position))
                .toList();
    }

    public static Optional<ReceivedAttachment> ofReferral(UUID referralId, UUID attachmentId) {
        return find("referralId = ?1 and id = ?2", referralId, attachmentId).firstResultOptional();
    }

    /** How the events describe it: never the bytes. */
    public DocumentAttachment describe() {
        return new DocumentAttachment(id, title, contentType, size, sha256);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public String bundleId() { return bundleId; }
    public String title() { return title; }
    public String contentType() { return contentType; }
    public Attachment.ContentCheck contentCheck() { return contentCheck; }
    public long size() { return size; }
    public String sha256() { return sha256; }

    /** The bytes (loaded now). */
    public byte[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "ReceivedAttachment[" + id + ", " + contentType + ", " + size + " bytes]";
    }
}
