package nl.consilium.scheduling.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A weekly recurring consult window: every {@code day} from {@code startsAt} to {@code endsAt}, Amsterdam wall clock. */
@Embeddable
public class WeeklyHours {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek day;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    protected WeeklyHours() {
    }

    public WeeklyHours(DayOfWeek day, LocalTime startsAt, LocalTime endsAt) {
        this.day = Objects.requireNonNull(day, "day");
        this.startsAt = Objects.requireNonNull(startsAt, "startsAt");
        this.endsAt = Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a window must end after it starts");
        }
    }

    public DayOfWeek day() { return day; }
    public LocalTime startsAt() { return startsAt; }
    public LocalTime endsAt() { return endsAt; }
}
