package nl.consilium.scheduling.domain.matching;

import java.time.Instant;

/**
 * A candidate's best slot and how it ranks: focus-area match first, then the earliest slot, then the
 * lowest weekly load (consults already booked in that slot's ISO week); the AGB breaks remaining ties
 * (see the package documentation).
 */
public record Score(boolean focusAreaMatch, Instant slotStart, int weeklyLoad) {
}
