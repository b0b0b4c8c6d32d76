package nl.consilium.scheduling.domain.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's settings: the length of a consult slot (default 30 minutes; must divide a day) and the
 * lead time in working days (default 1; 0 = any slot after {@code now}).
 */
public record MatchingSettings(Duration slotLength, int leadTimeWorkingDays) {

    public static final Duration DEFAULT_SLOT_LENGTH = Duration.ofMinutes(30);
    public static final int DEFAULT_LEAD_TIME_WORKING_DAYS = 1;

    public MatchingSettings {
        Objects.requireNonNull(slotLength, "slotLength");
        if (slotLength.isNegative() || slotLength.isZero() || slotLength.compareTo(Duration.ofHours(24)) > 0
                || Duration.ofDays(1).toNanos() % slotLength.toNanos() != 0 || slotLength.toNanos() % 60_000_000_000L != 0) {
            throw new IllegalArgumentException("slotLength must be whole minutes that divide a day: " + slotLength);
        }
        if (leadTimeWorkingDays < 0) {
            throw new IllegalArgumentException("leadTimeWorkingDays must not be negative: " + leadTimeWorkingDays);
        }
    }

    /** 30-minute slots, one working day lead time. */
    public static MatchingSettings defaults() {
        return new MatchingSettings(DEFAULT_SLOT_LENGTH, DEFAULT_LEAD_TIME_WORKING_DAYS);
    }
}
