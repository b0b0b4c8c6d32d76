package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.referral.ReferralCancelled;

/**
 * The referrer cancelled this referral. Recorded for every cancellation scheduling hears of, also
 * of referrals it never booked: their {@code IntakeCompleted} travels on another topic and may still
 * come, and a cancelled referral is never booked. Keeps ZorgDomein's reason code, not the free text.
 * Its id is the referral id; the first cancellation of a referral is the one that counts.
 */
@Entity
@Table(name = "referral_cancellation")
public class ReferralCancellation extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "cancelled_at", nullable = false)
    private Instant cancelledAt;

    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ReferralCancellation() {
    }

    /** The cancellation as the gateway announced it; {@code cancelledAt} is required. */
    public static ReferralCancellation of(ReferralCancelled cancelled, Instant recordedAt) {
        ReferralCancellation cancellation = new ReferralCancellation();
        cancellation.referralId = Objects.requireNonNull(cancelled.referralId(), "referralId");
        cancellation.cancelledAt = Objects.requireNonNull(cancelled.cancelledAt(), "cancelledAt");
        cancellation.reasonCode = cancelled.reasonCode();
        cancellation.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        return cancellation;
    }

    /** Whether the referral was cancelled. */
    public static boolean isCancelled(UUID referralId) {
        return findById(referralId) != null;
    }

    public UUID referralId() { return referralId; }
    public Instant cancelledAt() { return cancelledAt; }
    public String reasonCode() { return reasonCode; }
    public Instant recordedAt() { return recordedAt; }
    public long version() { return version; }
}
