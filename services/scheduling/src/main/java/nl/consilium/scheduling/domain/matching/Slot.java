package nl.consilium.scheduling.domain.matching;

import java.time.Instant;
import java.util.Objects;

/** A consult slot, {@code start} inclusive to {@code end} exclusive. */
public record Slot(Instant start, Instant end) {

    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot must end after it starts: " + start + "–" + end);
        }
    }
}
