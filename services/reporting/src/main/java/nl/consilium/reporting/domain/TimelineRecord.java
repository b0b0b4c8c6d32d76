package nl.consilium.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A step of a referral that can happen more than once (a booking, a move, a cancellation of the
 * consult), kept as a row of {@code referral_timeline_entry}. Two records are the same fact when
 * milestone and instant agree (the instant at the database's microsecond precision), so a fact read
 * twice, even under another event id, is kept once.
 */
@Embeddable
public class TimelineRecord {

    @Enumerated(EnumType.STRING)
    @Column(name = "milestone", nullable = false)
    private TimelineMilestone milestone;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "detail")
    private String detail;

    /** The slot a no-show missed; null for the other steps. */
    @Column(name = "slot_starts_at")
    private Instant slotStartsAt;

    protected TimelineRecord() {
    }

    TimelineRecord(TimelineMilestone milestone, Instant at, String detail) {
        this(milestone, at, detail, null);
    }

    TimelineRecord(TimelineMilestone milestone, Instant at, String detail, Instant slotStartsAt) {
        this.milestone = Objects.requireNonNull(milestone, "milestone");
        this.at = micros(Objects.requireNonNull(at, "at"));
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.slotStartsAt = micros(slotStartsAt);
    }

    /** An instant at the database's precision, so that one read back compares equal. */
    static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    public TimelineMilestone milestone() {
        return milestone;
    }

    public Instant at() {
        return at;
    }

    public String detail() {
        return detail;
    }

    public Instant slotStartsAt() {
        return slotStartsAt;
    }

    Milestone toMilestone() {
        return new Milestone(milestone, at, detail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimelineRecord that && milestone == that.milestone && at.equals(that.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestone, at);
    }
}
