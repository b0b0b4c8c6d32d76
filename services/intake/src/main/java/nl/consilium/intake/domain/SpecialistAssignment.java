package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The specialist a referral's consult is booked with, as scheduling announced it: the one specialist
 * (by AGB code) who may list and download the case's dossier documents. Its id is the referral id.
 * Changes only through {@link #assign} (booked, or moved to another slot or specialist: the previous
 * specialist loses access) and {@link #revoke} (the consult was cancelled: nobody).
 */
@Entity
@Table(name = "specialist_assignment")
public class SpecialistAssignment extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "specialist_agb")
    private String specialistAgb;

    @Column(name = "consult_id")
    private UUID consultId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentChange change;

    protected SpecialistAssignment() {
    }

    /** The referral's assignment, locked for this transaction; empty when scheduling said nothing yet. */
    public static Optional<SpecialistAssignment> lock(UUID referralId) {
        return Optional.ofNullable(findById(Objects.requireNonNull(referralId, "referralId"),
                LockModeType.PESSIMISTIC_WRITE));
    }

    /** The referral's first assignment (or cancellation) scheduling announced. */
    public static SpecialistAssignment first(UUID referralId) {
        SpecialistAssignment assignment = new SpecialistAssignment();
        assignment.referralId = Objects.requireNonNull(referralId, "referralId");
        return assignment;
    }

    /**
     * The consult is booked with (or moved to) {@code agb}: from now on that specialist, and no other,
     * may read the dossier.
     *
     * @return whether the specialist changed
     */
    public boolean assign(String agb, UUID consult, AssignmentChange by, Instant at) {
        if (by == AssignmentChange.CANCELLED) {
            throw new IllegalArgumentException("A cancellation assigns nobody: use revoke");
        }
        String specialist = Objects.requireNonNull(agb, "specialistAgb").strip();
        if (specialist.isEmpty()) {
            throw new IllegalArgumentException("A booking names its specialist");
        }
        boolean changed = !specialist.equals(specialistAgb);
        this.specialistAgb = specialist;
        this.consultId = consult;
        this.change = by;
        this.changedAt = Objects.requireNonNull(at, "at");
        return changed;
    }

    /**
     * The consult was cancelled: no specialist may read the dossier any more.
     *
     * @return whether a specialist lost access
     */
    public boolean revoke(UUID consult, Instant at) {
        boolean changed = specialistAgb != null;
        this.specialistAgb = null;
        this.consultId = consult;
        this.change = AssignmentChange.CANCELLED;
        this.changedAt = Objects.requireNonNull(at, "at");
        return changed;
    }

    /** Whether {@code agb} is the specialist assigned now. */
    public boolean isAssignedTo(String agb) {
        return agb != null && specialistAgb != null && specialistAgb.equals(agb.strip());
    }

    /** Whether the specialist with {@code agb} is assigned to the referral now. */
    public static boolean isAssigned(UUID referralId, String agb) {
        if (agb == null || agb.isBlank()) {
            return false;
        }
        SpecialistAssignment assignment = findById(referralId);
        return assignment != null && assignment.isAssignedTo(agb);
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public String specialistAgb() { return specialistAgb; }
    public UUID consultId() { return consultId; }
    public Instant changedAt() { return changedAt; }
    public AssignmentChange change() { return change; }
}
