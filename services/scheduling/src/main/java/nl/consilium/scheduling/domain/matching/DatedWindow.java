package nl.consilium.scheduling.domain.matching;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** A one-off addition to a specialist's availability on a date, Amsterdam wall clock. */
public record DatedWindow(LocalDate date, LocalTime from, LocalTime to) {

    public DatedWindow {
        Objects.requireNonNull(date, "date");
        Windows.requireOrdered(from, to);
    }
}
