package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One claim, take-over or release of a case, for the record; never changed. */
@Entity
@Table(name = "claim_change")
public class ClaimChange extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClaimAction action;

    @Column(nullable = false)
    private String nurse;

    @Column(name = "previous_holder")
    private String previousHolder;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ClaimChange() {
    }

    public static ClaimChange of(UUID referralId, ClaimAction action, String nurse, String previousHolder, Instant at) {
        ClaimChange change = new ClaimChange();
        change.id = UUID.randomUUID();
        change.referralId = Objects.requireNonNull(referralId, "referralId");
        change.action = Objects.requireNonNull(action, "action");
        change.nurse = Objects.requireNonNull(nurse, "nurse");
        change.previousHolder = previousHolder;
        change.changedAt = Objects.requireNonNull(at, "at");
        return change;
    }

    /** The claim history of a case, oldest first. */
    public static List<ClaimChange> ofCase(UUID referralId) {
        return list("referralId = ?1 order by changedAt, id", referralId);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public ClaimAction action() { return action; }
    public String nurse() { return nurse; }
    public String previousHolder() { return previousHolder; }
    public Instant changedAt() { return changedAt; }
}
