package nl.consilium.scheduling.domain.matching;

import java.time.LocalDate;
import java.util.Objects;

/** Whole days a specialist is away, {@code from} to {@code toInclusive} (Amsterdam dates); removes weekly windows and additions. */
public record Absence(LocalDate from, LocalDate toInclusive, String reason) {

    public Absence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("an absence must not end before it starts: " + from + "–" + toInclusive);
        }
    }

    /** Whether the date lies in this absence. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(toInclusive);
    }
}
