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
import java.util.UUID;
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

    protected ReceivedDocument() {
    }

    /**
     * Claims {@code bundleId} for a new referral: true when this transaction stored the document,
     * false when it was stored before. A concurrent delivery of the same id waits here until the
     * first one commits (then false) or rolls back (then true), so one document makes one referral.
     */
    public static boolean claim(String bundleId, String sha256, Instant receivedAt, UUID referralId, String content) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into received_document (bundle_id, sha256, received_at, referral_id, content)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (bundle_id) do nothing""")
                .setParameter(1, bundleId)
                .setParameter(2, sha256)
                .setParameter(3, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                .setParameter(4, referralId)
                .setParameter(5, content)
                .executeUpdate() == 1;
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

    @Override
    public String toString() {
        return "ReceivedDocument[" + bundleId + "]";
    }
}
