package nl.consilium.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consults are matched and booked (CONSILIUM_SCHEDULING_...). Working days: consilium.calendar.*. */
@ConfigMapping(prefix = "consilium.scheduling")
public interface SchedulingConfig {

    /** The length of one video consult slot; whole minutes that divide a day. */
    @WithDefault("PT30M")
    Duration slotLength();

    /**
     * The working days between the request and the earliest consult, so that the specialist can
     * read the dossier (0 = any slot after now).
     */
    @WithDefault("1")
    int leadTimeWorkingDays();

    /** How often a booking is tried again when another booking (of any instance) took the chosen slot meanwhile. */
    @WithDefault("20")
    int bookingAttempts();

    /**
     * How often an instance checks whether another instance changed the registry or availability
     * (one tiny query); a change made through this instance is seen at once.
     */
    @WithDefault("PT10S")
    Duration snapshotRefreshInterval();

    /** The longest range the slots and agenda endpoints answer at once. */
    @WithDefault("P84D")
    Duration maxRange();
}
