package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The nurse who works on a case now: at most one per case (its id is the referral id); released by
 * deleting it. The claim goes stale when its holder did nothing on the case for a while
 * ({@link #isStale}); another nurse may then {@link #takeOver} it. It is kept apart from the case so
 * that claiming and the holder's activity do not change the case's version.
 */
@Entity
@Table(name = "intake_claim")
public class IntakeClaim extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "claimed_by", nullable = false)
    private String claimedBy;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    protected IntakeClaim() {
    }

    /** {@code nurse} claims the case (nobody holds it). */
    public static IntakeClaim claim(UUID referralId, String nurse, Instant at) {
        IntakeClaim claim = new IntakeClaim();
        claim.referralId = Objects.requireNonNull(referralId, "referralId");
        claim.claimedBy = Objects.requireNonNull(nurse, "nurse");
        claim.claimedAt = at;
        claim.lastActivityAt = at;
        return claim;
    }

    public boolean heldBy(String nurse) {
        return claimedBy.equals(nurse);
    }

    /** When the claim goes stale without further activity of its holder. */
    public Instant staleAt(Duration staleAfter) {
        return lastActivityAt.plus(staleAfter);
    }

    public boolean isStale(Instant now, Duration staleAfter) {
        return !now.isBefore(staleAt(staleAfter));
    }

    /** The holder did something on the case: the claim stays fresh. */
    public void touch(Instant at) {
        if (at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
    }

    /**
     * {@code nurse} takes a stale claim over.
     *
     * @return the previous holder
     * @throws IllegalStateException when the claim is not stale, or {@code nurse} holds it already
     */
    public String takeOver(String nurse, Instant at, Duration staleAfter) {
        if (heldBy(nurse)) {
            throw new IllegalStateException("The claim is held by this nurse already");
        }
        if (!isStale(at, staleAfter)) {
            throw new IllegalStateException("Only a stale claim can be taken over");
        }
        String previous = claimedBy;
        claimedBy = nurse;
        claimedAt = at;
        lastActivityAt = at;
        return previous;
    }

    public UUID referralId() { return referralId; }
    public String claimedBy() { return claimedBy; }
    public Instant claimedAt() { return claimedAt; }
    public Instant lastActivityAt() { return lastActivityAt; }
}
