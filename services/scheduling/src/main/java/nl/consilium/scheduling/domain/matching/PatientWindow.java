package nl.consilium.scheduling.domain.matching;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** When the patient can attend, on a day of the week, Amsterdam wall clock; a slot fits when it lies wholly inside. */
public record PatientWindow(DayOfWeek day, LocalTime from, LocalTime to) {

    public PatientWindow {
        Objects.requireNonNull(day, "day");
        Windows.requireOrdered(from, to);
    }
}
