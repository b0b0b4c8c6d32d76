package nl.consilium.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** How consults are booked (CONSILIUM_SCHEDULING_...). */
@ConfigMapping(prefix = "consilium.scheduling")
public interface SchedulingConfig {

    /** The time zone of the working day and its hours. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** When the first consult of a working day may start (local time). */
    @WithDefault("09:00")
    LocalTime dayStarts();

    /** When the last consult of a working day must have ended (local time). */
    @WithDefault("17:00")
    LocalTime dayEnds();

    /** The length of one video consult. */
    @WithDefault("PT30M")
    Duration slotLength();

    /** How many working days ahead the slot search looks before it gives up. */
    @WithDefault("60")
    int searchWorkingDays();

    /** How often a booking is tried again when another booking took the chosen slot meanwhile. */
    @WithDefault("20")
    int bookingAttempts();
}
