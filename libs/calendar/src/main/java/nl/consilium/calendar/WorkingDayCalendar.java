package nl.consilium.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The working-day calendar the platform counts its deadlines with (DOMAIN.md §4): working days are
 * Monday to Friday in {@code Europe/Amsterdam}, except the holidays and closing days of the
 * {@link HolidayRules}. Immutable and thread-safe; one instance serves a whole application.
 *
 * <p>Counting convention: "the n-th working day after a date" never counts the date itself, whether
 * or not it is a working day; {@link #addWorkingDays} and {@link #workingDaysBetween} follow it, so
 * that {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
 */
public final class WorkingDayCalendar {

    /** The zone of the working day, its hours and the calendar day of an arrival. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /**
     * More consecutive days without a working day than any sensible configuration gives (closing
     * days that cover every weekday of the year would otherwise make a search loop forever).
     */
    static final int MAX_DAYS_WITHOUT_WORK = 366;

    private static final WorkingDayCalendar DUTCH = new WorkingDayCalendar(CalendarSettings.defaults());

    private final CalendarSettings settings;
    private final HolidayRules rules;

    private WorkingDayCalendar(CalendarSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = settings.holidayRules();
    }

    /** The calendar with the platform's defaults ({@link CalendarSettings#defaults()}). */
    public static WorkingDayCalendar dutch() {
        return DUTCH;
    }

    public static WorkingDayCalendar of(CalendarSettings settings) {
        return new WorkingDayCalendar(settings);
    }

    public CalendarSettings settings() {
        return settings;
    }

    /** The calendar day in Amsterdam at an instant (23:30 UTC is already the next day there). */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Monday to Friday and no holiday or closing day. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !rules.isHoliday(date);
    }

    /** The holidays and closing days this calendar observes in a year, named, in date order, weekend ones included. */
    public List<Holiday> holidays(int year) {
        return rules.holidays(year);
    }

    /** The observed holidays and closing days on a date (empty on an ordinary day). */
    public List<Holiday> holidaysOn(LocalDate date) {
        return rules.holidaysOn(date);
    }

    /** The first working day after a date (never the date itself). */
    public LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /** The date itself when it is a working day, else the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /**
     * The {@code workingDays}-th working day after a date; the date itself is not counted (so a
     * Saturday's first working day is the Monday after it). Zero gives the date itself.
     *
     * @throws IllegalArgumentException when {@code workingDays} is negative
     */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        Objects.requireNonNull(date, "date");
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate day = date;
        int counted = 0;
        int withoutWork = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
                withoutWork = 0;
            } else if (++withoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw noWorkingDayAfter(day.minusDays(withoutWork));
            }
        }
        return day;
    }

    /**
     * The working days after {@code from} up to and including {@code to}: {@code to} counts, {@code from}
     * does not, so the 10th working day after a date is 10 working days from it. Negative, with the
     * same count, when {@code to} is before {@code from}; zero when they are equal.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The last day for the video consult: the {@link CalendarSettings#consultWorkingDays()}-th (10th)
     * working day after the Amsterdam calendar day on which the request arrived. A request that
     * arrives on Monday 2026-11-23 is due on Monday 2026-12-07; one that arrives on a Saturday or
     * Sunday counts from the Monday (the Monday is the first of the working days).
     */
    public LocalDate consultDueOn(Instant arrival) {
        Objects.requireNonNull(arrival, "arrival");
        return addWorkingDays(dateOf(arrival), settings.consultWorkingDays());
    }

    /**
     * When the telephone intake is due. {@link IntakeMode#CLOCK_HOURS}: the arrival plus the intake
     * duration in real time (24 hours across a DST change are 24 real hours, 23:00 or 01:00 on the
     * clock). {@link IntakeMode#WORKING_HOURS}: the duration is counted only between the working day's
     * start and end (Amsterdam wall-clock) on working days; an arrival outside them starts counting at
     * the next opening, and a deadline that uses up a day exactly falls at its closing time.
     */
    public Instant intakeDueAt(Instant arrival) {
        Objects.requireNonNull(arrival, "arrival");
        return switch (settings.intakeMode()) {
            case CLOCK_HOURS -> arrival.plus(settings.intakeDuration());
            case WORKING_HOURS -> plusWorkingTime(arrival, settings.intakeDuration());
        };
    }

    private Instant plusWorkingTime(Instant start, Duration duration) {
        Duration remaining = duration;
        LocalDate day = dateOf(start);
        int withoutWork = 0;
        while (true) {
            if (isWorkingDay(day)) {
                withoutWork = 0;
                Instant opens = day.atTime(settings.workingDayStart()).atZone(ZONE).toInstant();
                Instant closes = day.atTime(settings.workingDayEnd()).atZone(ZONE).toInstant();
                Instant from = start.isAfter(opens) ? start : opens;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            } else if (++withoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw noWorkingDayAfter(day.minusDays(withoutWork));
            }
            day = day.plusDays(1);
        }
    }

    private static IllegalStateException noWorkingDayAfter(LocalDate date) {
        return new IllegalStateException("no working day in the " + MAX_DAYS_WITHOUT_WORK + " days after " + date
                + ": do the closing days leave any working day?");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingDayCalendar that && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + ZONE + ", " + settings + "]";
    }
}
