package nl.consilium.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Everything a {@link WorkingDayCalendar} can be told. Immutable; {@link #defaults()} holds the
 * platform's defaults and the {@code with...} methods change one thing at a time.
 *
 * @param holidayRules       which days besides weekends are not working days (default: the Algemene termijnenwet)
 * @param consultWorkingDays the consult is due on this working day after the day of arrival (default 10, at least 1)
 * @param intakeMode         how the intake duration is counted (default {@link IntakeMode#CLOCK_HOURS})
 * @param intakeDuration     the time the intake may take (default 24 hours; positive)
 * @param workingDayStart    when a working day opens, Amsterdam wall-clock (default 08:00)
 * @param workingDayEnd      when it closes, after the opening on the same day (default 17:00)
 */
public record CalendarSettings(HolidayRules holidayRules, int consultWorkingDays, IntakeMode intakeMode,
        Duration intakeDuration, LocalTime workingDayStart, LocalTime workingDayEnd) {

    public static final int DEFAULT_CONSULT_WORKING_DAYS = 10;
    public static final IntakeMode DEFAULT_INTAKE_MODE = IntakeMode.CLOCK_HOURS;
    public static final Duration DEFAULT_INTAKE_DURATION = Duration.ofHours(24);
    public static final LocalTime DEFAULT_WORKING_DAY_START = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_WORKING_DAY_END = LocalTime.of(17, 0);

    private static final CalendarSettings DEFAULTS = new CalendarSettings(HolidayRules.algemeneTermijnenwet(),
            DEFAULT_CONSULT_WORKING_DAYS, DEFAULT_INTAKE_MODE, DEFAULT_INTAKE_DURATION, DEFAULT_WORKING_DAY_START,
            DEFAULT_WORKING_DAY_END);

    public CalendarSettings {
        Objects.requireNonNull(holidayRules, "holidayRules");
        Objects.requireNonNull(intakeMode, "intakeMode");
        Objects.requireNonNull(intakeDuration, "intakeDuration");
        Objects.requireNonNull(workingDayStart, "workingDayStart");
        Objects.requireNonNull(workingDayEnd, "workingDayEnd");
        if (consultWorkingDays < 1) {
            throw new IllegalArgumentException("consultWorkingDays must be at least 1: " + consultWorkingDays);
        }
        if (intakeDuration.isNegative() || intakeDuration.isZero()) {
            throw new IllegalArgumentException("intakeDuration must be positive: " + intakeDuration);
        }
        if (!workingDayEnd.isAfter(workingDayStart)) {
            throw new IllegalArgumentException("the working day must end after it starts: "
                    + workingDayStart + "–" + workingDayEnd);
        }
    }

    /** Algemene termijnenwet holidays, consult on the 10th working day, intake within 24 clock hours, 08:00–17:00. */
    public static CalendarSettings defaults() {
        return DEFAULTS;
    }

    public CalendarSettings withHolidayRules(HolidayRules rules) {
        return new CalendarSettings(rules, consultWorkingDays, intakeMode, intakeDuration, workingDayStart, workingDayEnd);
    }

    public CalendarSettings withConsultWorkingDays(int workingDays) {
        return new CalendarSettings(holidayRules, workingDays, intakeMode, intakeDuration, workingDayStart, workingDayEnd);
    }

    public CalendarSettings withIntake(IntakeMode mode, Duration duration) {
        return new CalendarSettings(holidayRules, consultWorkingDays, mode, duration, workingDayStart, workingDayEnd);
    }

    public CalendarSettings withWorkingHours(LocalTime start, LocalTime end) {
        return new CalendarSettings(holidayRules, consultWorkingDays, intakeMode, intakeDuration, start, end);
    }
}
