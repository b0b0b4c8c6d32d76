package nl.consilium.scheduling.domain.matching;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is taken: the service implements it from its snapshot of active appointments. Must be safe to
 * call from the matching thread while it runs; the engine only reads.
 */
public interface Bookings {

    /** Whether the specialist has an active appointment starting at this instant. */
    boolean isTaken(String specialistAgb, Instant slotStart);

    /** The specialist's active consults in the ISO week (Monday–Sunday, Europe/Amsterdam) that holds this date. */
    int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek);

    /** Nothing booked. */
    static Bookings none() {
        return NoBookings.INSTANCE;
    }
}

enum NoBookings implements Bookings {
    INSTANCE;

    @Override
    public boolean isTaken(String specialistAgb, Instant slotStart) {
        return false;
    }

    @Override
    public int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek) {
        return 0;
    }
}
