package nl.consilium.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** A day that is not a working day, and why. Ordered by date, then by kind. */
public record Holiday(LocalDate date, HolidayKind kind) implements Comparable<Holiday> {

    private static final Comparator<Holiday> ORDER = Comparator.comparing(Holiday::date).thenComparing(Holiday::kind);

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    /** The Dutch name of the day, e.g. {@code Koningsdag}. */
    public String name() {
        return kind.dutchName();
    }

    @Override
    public int compareTo(Holiday other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return date + " " + kind.dutchName();
    }
}
