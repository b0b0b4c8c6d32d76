package nl.consilium.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When the patient can take the video call: every {@code day} from {@code from} to {@code to},
 * Amsterdam wall-clock time; {@code from} is before {@code to}.
 */
@Embeddable
public class AvailabilitySlot {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek day;

    @Column(name = "from_time", nullable = false)
    private LocalTime from;

    @Column(name = "to_time", nullable = false)
    private LocalTime to;

    protected AvailabilitySlot() {
    }

    public AvailabilitySlot(DayOfWeek day, LocalTime from, LocalTime to) {
        this.day = Objects.requireNonNull(day, "day");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("An availability window must start before it ends");
        }
    }

    public DayOfWeek day() { return day; }
    public LocalTime from() { return from; }
    public LocalTime to() { return to; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvailabilitySlot other && day == other.day && from.equals(other.from) && to.equals(other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, from, to);
    }

    @Override
    public String toString() {
        return day + " " + from + "-" + to;
    }
}
