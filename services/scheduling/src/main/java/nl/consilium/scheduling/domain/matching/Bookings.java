package nl.consilium.scheduling.domain.matching;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is taken: the service implements it from its snapshot of active appointments. Must be safe to
 * call from the matching thread while it runs; the engine only reads. For a reschedule, pass a view
 * without the appointment being moved.
 */
public interface Bookings {

    /** Whether the specialist has an active appointment starting at this instant. */
    boolean isTaken(String specialistAgb, Instant slotStart);

    /** The specialist's active consults in the ISO week (Monday–Sunday, Europe/Amsterdam) that holds this date. */
    int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek);

    /**
     * One specialist's bookings: the engine asks for it once per specialist per match and then asks
     * it about his slots and weeks. The default delegates to {@link #isTaken} and {@link #consultsInWeek};
     * override it when finding a specialist's bookings costs a lookup that need not be repeated for
     * every slot. It must answer exactly as those two methods do.
     */
    default OfSpecialist ofSpecialist(String specialistAgb) {
        Bookings all = this;
        return new OfSpecialist() {
            @Override
            public boolean isTaken(long slotStartEpochSecond) {
                return all.isTaken(specialistAgb, Instant.ofEpochSecond(slotStartEpochSecond));
            }

            @Override
            public int consultsInWeek(LocalDate anyDayOfIsoWeek) {
                return all.consultsInWeek(specialistAgb, anyDayOfIsoWeek);
            }
        };
    }

    /** Nothing booked. */
    static Bookings none() {
        return NoBookings.INSTANCE;
    }

    /** The bookings of one specialist ({@link Bookings#ofSpecialist}). Slots start on whole seconds. */
    interface OfSpecialist {

        /** Whether he has an active appointment starting at this instant (epoch seconds). */
        boolean isTaken(long slotStartEpochSecond);

        /** His active consults in the ISO week (Amsterdam) that holds this date. */
        int consultsInWeek(LocalDate anyDayOfIsoWeek);
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
