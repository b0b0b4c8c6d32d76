package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One recording or change of the patient's objection to the report going to the GP (DOMAIN.md §4):
 * the new value, who recorded it and when, and whether the case was decided then. Never changed.
 */
@Entity
@Table(name = "objection_change")
public class ObjectionChange extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(nullable = false)
    private boolean objects;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "after_decision", nullable = false)
    private boolean afterDecision;

    protected ObjectionChange() {
    }

    /** The objection as {@link IntakeCase#recordObjection} just recorded it on the case. */
    public static ObjectionChange of(IntakeCase intakeCase) {
        if (!intakeCase.objectionRecorded()) {
            throw new IllegalStateException("No objection recorded on the case");
        }
        ObjectionChange change = new ObjectionChange();
        change.id = UUID.randomUUID();
        change.referralId = intakeCase.referralId();
        change.objects = intakeCase.patientObjectsToGpReport();
        change.changedAt = Objects.requireNonNull(intakeCase.objectionRecordedAt());
        change.changedBy = Objects.requireNonNull(intakeCase.objectionRecordedBy());
        change.afterDecision = intakeCase.decided();
        return change;
    }

    /** The objection's history of a case, oldest first. */
    public static List<ObjectionChange> ofCase(UUID referralId) {
        return list("referralId = ?1 order by changedAt, id", referralId);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public boolean objects() { return objects; }
    public Instant changedAt() { return changedAt; }
    public String changedBy() { return changedBy; }
    public boolean afterDecision() { return afterDecision; }
}
