package nl.consilium.gateway.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;
import org.hibernate.annotations.Immutable;

/**
 * A ZorgDomein document exactly as it arrived, keyed by its {@code Bundle.id}. Never changed (a
 * database trigger refuses updates and deletes); the SHA-256 of the raw bytes tells a re-delivery
 * from a different document that re-uses the id.
 */
@Entity
@Table(name = "received_document")
@Immutable
public class ReceivedDocument extends PanacheEntityBase {

    @Id
    @Column(name = "bundle_id")
    private String bundleId;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(nullable = false, columnDefinition = "text")
    private String content;

    /** ZorgDomein's document-type code ({@link DocumentType#code()}). */
    @Column(name = "document_type", nullable = false)
    private String documentType;

    @Column(name = "zorgdomein_number", nullable = false)
    private String zorgDomeinNumber;

    /** {@code json} or {@code xml}: how it arrived, so that it can be given back as it arrived. */
    @Column(nullable = false)
    private String format;

    protected ReceivedDocument() {
    }

    /**
     * Claims {@code bundleId} for a new referral: true when this transaction stored the document,
     * false when it was stored before. A concurrent delivery of the same id waits here until the
     * first one commits (then false) or rolls back (then true), so one document makes one referral.
     */
    public static boolean claim(ZorgDomeinDocument document, DocumentFormat format, String sha256, Instant receivedAt,
            UUID referralId, String content) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into received_document (bundle_id, sha256, received_at, referral_id, content,
                            document_type, zorgdomein_number, format)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (bundle_id) do nothing""")
                .setParameter(1, document.bundleId())
                .setParameter(2, sha256)
                .setParameter(3, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                .setParameter(4, referralId)
                .setParameter(5, content)
                .setParameter(6, document.type().code())
                .setParameter(7, document.zorgDomeinNumber())
                .setParameter(8, format.name().toLowerCase(Locale.ROOT))
                .executeUpdate() == 1;
    }

    /** The documents of a referral in the order they arrived. */
    public static List<ReceivedDocument> ofReferral(UUID referralId) {
        return list("referralId = ?1 order by receivedAt, bundleId", referralId);
    }

    /** Whether {@code otherSha256} is the hash of this very document. */
    public boolean sameContent(String otherSha256) {
        return sha256.equals(otherSha256);
    }

    public String bundleId() { return bundleId; }
    public String sha256() { return sha256; }
    public Instant receivedAt() { return receivedAt; }
    public UUID referralId() { return referralId; }
    public String content() { return content; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }

    public DocumentType documentType() {
        return DocumentType.ofCode(documentType).orElseThrow();
    }

    public DocumentFormat format() {
        return DocumentFormat.valueOf(format.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ReceivedDocument[" + bundleId + "]";
    }
}
