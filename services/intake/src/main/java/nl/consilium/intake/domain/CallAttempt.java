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

/** One call of the nurse to the patient: when, by whom, how it went; never changed. */
@Entity
@Table(name = "call_attempt")
public class CallAttempt extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "attempted_by", nullable = false)
    private String attemptedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallOutcome outcome;

    @Column(name = "call_back_at")
    private Instant callBackAt;

    protected CallAttempt() {
    }

    /**
     * A call the nurse made; {@code callBackAt} is required for {@link CallOutcome#CALL_BACK}, after the
     * call, and not allowed otherwise.
     */
    public static CallAttempt record(UUID referralId, String nurse, Instant at, CallOutcome outcome, Instant callBackAt) {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == CallOutcome.CALL_BACK) != (callBackAt != null)) {
            throw new IllegalArgumentException("callBackAt goes with CALL_BACK, and only with it");
        }
        if (callBackAt != null && !callBackAt.isAfter(at)) {
            throw new IllegalArgumentException("callBackAt must lie after the call");
        }
        CallAttempt attempt = new CallAttempt();
        attempt.id = UUID.randomUUID();
        attempt.referralId = Objects.requireNonNull(referralId, "referralId");
        attempt.attemptedAt = Objects.requireNonNull(at, "at");
        attempt.attemptedBy = Objects.requireNonNull(nurse, "nurse");
        attempt.outcome = outcome;
        attempt.callBackAt = callBackAt;
        return attempt;
    }

    /** The calls of a case, oldest first. */
    public static List<CallAttempt> ofCase(UUID referralId) {
        return list("referralId = ?1 order by attemptedAt, id", referralId);
    }

    /** Whether any call reached the patient. */
    public static boolean reached(UUID referralId) {
        return count("referralId = ?1 and outcome = ?2", referralId, CallOutcome.REACHED) > 0;
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public Instant attemptedAt() { return attemptedAt; }
    public String attemptedBy() { return attemptedBy; }
    public CallOutcome outcome() { return outcome; }
    public Instant callBackAt() { return callBackAt; }
}
