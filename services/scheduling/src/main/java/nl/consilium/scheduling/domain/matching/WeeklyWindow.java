package nl.consilium.scheduling.domain.matching;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A recurring window of availability on a day of the week, Amsterdam wall clock ({@code from} before {@code to}). */
public record WeeklyWindow(DayOfWeek day, LocalTime from, LocalTime to) {

    public WeeklyWindow {
        Objects.requireNonNull(day, "day");
        Windows.requireOrdered(from, to);
    }
}
