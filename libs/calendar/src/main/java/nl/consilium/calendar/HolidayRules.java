package nl.consilium.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days besides weekends are not working days: the public holidays of the Algemene
 * termijnenwet ({@link DutchPublicHolidays}), of which Good Friday and Liberation Day (5 May) can be
 * dropped, plus the organisation's closing days, as dates and as month-days that recur every year
 * (24 December, say). Immutable; the sets are copied and sorted.
 *
 * @param goodFriday           whether Good Friday is a holiday (default yes, as for legal terms)
 * @param liberationDay        whether 5 May is a holiday, every year (default yes, as the law has it)
 * @param closingDays          extra closing days on particular dates
 * @param recurringClosingDays extra closing days every year; 29 February only in leap years
 */
public record HolidayRules(boolean goodFriday, boolean liberationDay, Set<LocalDate> closingDays,
        Set<MonthDay> recurringClosingDays) {

    private static final MonthDay NEW_YEARS_DAY = MonthDay.of(1, 1);
    private static final MonthDay LIBERATION_DAY = MonthDay.of(5, 5);
    private static final MonthDay CHRISTMAS_DAY = MonthDay.of(12, 25);
    private static final MonthDay BOXING_DAY = MonthDay.of(12, 26);

    private static final HolidayRules ALGEMENE_TERMIJNENWET = new HolidayRules(true, true, Set.of(), Set.of());

    public HolidayRules {
        closingDays = sortedCopy(closingDays, "closingDays");
        recurringClosingDays = sortedCopy(recurringClosingDays, "recurringClosingDays");
    }

    /** The default: all nine public holidays of the Algemene termijnenwet, no closing days. */
    public static HolidayRules algemeneTermijnenwet() {
        return ALGEMENE_TERMIJNENWET;
    }

    public HolidayRules withGoodFriday(boolean observed) {
        return new HolidayRules(observed, liberationDay, closingDays, recurringClosingDays);
    }

    public HolidayRules withLiberationDay(boolean observed) {
        return new HolidayRules(goodFriday, observed, closingDays, recurringClosingDays);
    }

    /** These rules with the given closing days added to the ones they have. */
    public HolidayRules withClosingDays(LocalDate... days) {
        return withClosingDays(Arrays.asList(days));
    }

    /** These rules with the given closing days added to the ones they have. */
    public HolidayRules withClosingDays(Collection<LocalDate> days) {
        List<LocalDate> all = new ArrayList<>(closingDays);
        all.addAll(days);
        return new HolidayRules(goodFriday, liberationDay, Set.copyOf(all), recurringClosingDays);
    }

    /** These rules with the given yearly closing days added to the ones they have. */
    public HolidayRules withRecurringClosingDays(MonthDay... days) {
        return withRecurringClosingDays(Arrays.asList(days));
    }

    /** These rules with the given yearly closing days added to the ones they have. */
    public HolidayRules withRecurringClosingDays(Collection<MonthDay> days) {
        List<MonthDay> all = new ArrayList<>(recurringClosingDays);
        all.addAll(days);
        return new HolidayRules(goodFriday, liberationDay, closingDays, Set.copyOf(all));
    }

    /** Whether this kind of public holiday is observed (a closing day always is). */
    public boolean observes(HolidayKind kind) {
        return switch (kind) {
            case GOOD_FRIDAY -> goodFriday;
            case LIBERATION_DAY -> liberationDay;
            default -> true;
        };
    }

    /**
     * The holidays and closing days of a year, in date order, weekend ones included. A date can
     * appear twice with different kinds (Ascension Day fell on 5 May in 2016; a closing day can fall
     * on a public holiday); a closing day configured both as a date and as a month-day appears once.
     */
    public List<Holiday> holidays(int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (Holiday holiday : DutchPublicHolidays.of(year)) {
            if (observes(holiday.kind())) {
                holidays.add(holiday);
            }
        }
        Set<LocalDate> closing = new TreeSet<>();
        for (LocalDate day : closingDays) {
            if (day.getYear() == year) {
                closing.add(day);
            }
        }
        for (MonthDay day : recurringClosingDays) {
            if (day.isValidYear(year)) {
                closing.add(day.atYear(year));
            }
        }
        closing.forEach(day -> holidays.add(new Holiday(day, HolidayKind.CLOSING_DAY)));
        Collections.sort(holidays);
        return List.copyOf(holidays);
    }

    /** The holidays on a date: empty on an ordinary day, more than one when two coincide. */
    public List<Holiday> holidaysOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return holidays(date.getYear()).stream().filter(h -> h.date().equals(date)).toList();
    }

    /** Whether a date is a holiday or closing day (whatever day of the week it is). */
    public boolean isHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (closingDays.contains(date)) {
            return true;
        }
        MonthDay monthDay = MonthDay.from(date);
        if (recurringClosingDays.contains(monthDay)) {
            return true;
        }
        int year = date.getYear();
        switch (date.getMonth()) {
            case JANUARY, DECEMBER -> {
                if (monthDay.equals(NEW_YEARS_DAY) || monthDay.equals(CHRISTMAS_DAY) || monthDay.equals(BOXING_DAY)) {
                    return true;
                }
            }
            case APRIL, MAY -> {
                if (date.equals(DutchPublicHolidays.kingsDay(year)) || liberationDay && monthDay.equals(LIBERATION_DAY)) {
                    return true;
                }
            }
            default -> {
            }
        }
        // Easter falls between 22 March and 25 April: its holidays between 20 March and 14 June.
        if (date.getMonthValue() < 3 || date.getMonthValue() > 6) {
            return false;
        }
        long fromEaster = ChronoUnit.DAYS.between(Easter.sunday(year), date);
        return fromEaster == 1 || fromEaster == 39 || fromEaster == 50 || goodFriday && fromEaster == -2;
    }

    private static <T extends Comparable<? super T>> Set<T> sortedCopy(Set<T> values, String name) {
        Objects.requireNonNull(values, name);
        TreeSet<T> sorted = new TreeSet<>();
        for (T value : values) {
            sorted.add(Objects.requireNonNull(value, () -> name + " contains null"));
        }
        return Collections.unmodifiableSortedSet(sorted);
    }
}
