package nl.consilium.scheduling.service;

import java.time.Instant;
import java.util.Objects;

/** A specialist's slot, by its start: what the database books at most once. */
public record SlotKey(String specialistAgb, Instant start) {

    public SlotKey {
        Objects.requireNonNull(specialistAgb, "specialistAgb");
        Objects.requireNonNull(start, "start");
    }
}
