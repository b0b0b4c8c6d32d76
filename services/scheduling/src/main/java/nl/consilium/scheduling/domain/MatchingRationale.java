package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.scheduling.MatchingFailureReason;

/**
 * Why one matching run of a referral chose what it chose, or nothing: the input, every candidate of
 * the specialty with its exclusion or its best score, and the choice, as JSON. Written once, never
 * changed.
 */
@Entity
@Table(name = "matching_rationale")
public class MatchingRationale extends PanacheEntityBase {

    /** Why matching ran. */
    public enum Purpose {
        /** On the referral's IntakeCompleted. */
        INTAKE,
        /** A coordinator rescheduled the consult by the rules. */
        RESCHEDULE,
        /** The patient did not show up for the first time: the consult is planned again by the rules. */
        NO_SHOW
    }

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    /** BOOKED, MATCHING_FAILED or UNASSIGNED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsultRequestStatus outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_reason")
    private MatchingFailureReason failureReason;

    @Column(name = "matched_at", nullable = false)
    private Instant matchedAt;

    @Column(nullable = false)
    private String rationale;

    protected MatchingRationale() {
    }

    public static MatchingRationale of(UUID referralId, Purpose purpose, ConsultRequestStatus outcome,
            MatchingFailureReason failureReason, Instant matchedAt, String rationaleJson) {
        MatchingRationale r = new MatchingRationale();
        r.id = UUID.randomUUID();
        r.referralId = Objects.requireNonNull(referralId, "referralId");
        r.purpose = Objects.requireNonNull(purpose, "purpose");
        r.outcome = Objects.requireNonNull(outcome, "outcome");
        r.failureReason = failureReason;
        r.matchedAt = Objects.requireNonNull(matchedAt, "matchedAt");
        r.rationale = Objects.requireNonNull(rationaleJson, "rationaleJson");
        return r;
    }

    /** The runs of a referral, oldest first. */
    public static List<MatchingRationale> of(UUID referralId) {
        return list("referralId = ?1 order by matchedAt, id", referralId);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public Purpose purpose() { return purpose; }
    public ConsultRequestStatus outcome() { return outcome; }
    public MatchingFailureReason failureReason() { return failureReason; }
    public Instant matchedAt() { return matchedAt; }
    public String rationale() { return rationale; }
}
