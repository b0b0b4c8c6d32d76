package nl.consilium.platform.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import nl.consilium.calendar.IntakeMode;

/**
 * The working-day calendar's settings (libs/calendar/README.md). Every one can be set by
 * environment variable: {@code consilium.calendar.good-friday} is {@code CONSILIUM_CALENDAR_GOOD_FRIDAY},
 * {@code consilium.calendar.working-hours.start} is {@code CONSILIUM_CALENDAR_WORKING_HOURS_START}.
 * {@link CalendarSettingsFromConfig} checks them when the application starts.
 */
@ConfigMapping(prefix = "consilium.calendar")
public interface CalendarConfig {

    /** Whether Good Friday is a holiday (the Algemene termijnenwet treats it as one for legal terms). */
    @WithDefault("true")
    boolean goodFriday();

    /** Whether 5 May (Liberation Day) is a holiday, every year as in the Algemene termijnenwet. */
    @WithDefault("true")
    boolean liberationDay();

    /** Extra closing days on particular dates, ISO {@code yyyy-MM-dd}, comma-separated. None by default. */
    Optional<List<String>> closingDays();

    /** Extra closing days every year, {@code MM-dd} (for example {@code 12-24,12-31}). None by default. */
    Optional<List<String>> recurringClosingDays();

    /** The consult is due on this working day after the day the request arrived (at least 1). */
    @WithDefault("10")
    int consultWorkingDays();

    Intake intake();

    WorkingHours workingHours();

    interface Intake {
        /** {@code CLOCK_HOURS}: real elapsed time; {@code WORKING_HOURS}: only inside the working hours of working days. */
        @WithDefault("CLOCK_HOURS")
        IntakeMode mode();

        /** How long the intake may take, ISO-8601 (positive). */
        @WithDefault("PT24H")
        Duration duration();
    }

    /** The working day's hours, Amsterdam wall-clock; used by the intake's WORKING_HOURS mode. */
    interface WorkingHours {
        /** When a working day opens ({@code HH:mm}). */
        @WithDefault("08:00")
        LocalTime start();

        /** When it closes ({@code HH:mm}, after the start). */
        @WithDefault("17:00")
        LocalTime end();
    }
}
