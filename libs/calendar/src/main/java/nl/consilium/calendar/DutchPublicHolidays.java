package nl.consilium.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.List;

/**
 * The public holidays of the Algemene termijnenwet (DOMAIN.md §4), Good Friday included, as the law
 * reads today, for any Gregorian year. (Before 2014 the Netherlands had Queen's Day instead of King's
 * Day; this class applies today's rules to every year and is not a history book.) Which of them a
 * calendar observes is up to {@link HolidayRules}.
 */
public final class DutchPublicHolidays {

    private DutchPublicHolidays() {
    }

    /**
     * The date of a public holiday in a year.
     *
     * @throws IllegalArgumentException for {@link HolidayKind#CLOSING_DAY}, which has no date of its
     *         own, or a year before {@value Easter#FIRST_GREGORIAN_YEAR}
     */
    public static LocalDate dateOf(HolidayKind kind, int year) {
        return switch (kind) {
            case NEW_YEARS_DAY -> LocalDate.of(year, Month.JANUARY, 1);
            case GOOD_FRIDAY -> Easter.sunday(year).minusDays(2);
            case EASTER_MONDAY -> Easter.sunday(year).plusDays(1);
            case KINGS_DAY -> kingsDay(year);
            case LIBERATION_DAY -> LocalDate.of(year, Month.MAY, 5);
            case ASCENSION_DAY -> Easter.sunday(year).plusDays(39);
            case WHIT_MONDAY -> Easter.sunday(year).plusDays(50);
            case CHRISTMAS_DAY -> LocalDate.of(year, Month.DECEMBER, 25);
            case BOXING_DAY -> LocalDate.of(year, Month.DECEMBER, 26);
            case CLOSING_DAY -> throw new IllegalArgumentException("a closing day has no date of its own");
        };
    }

    /** King's Day: 27 April, or 26 April when the 27th is a Sunday. */
    public static LocalDate kingsDay(int year) {
        LocalDate twentySeventh = LocalDate.of(year, Month.APRIL, 27);
        return twentySeventh.getDayOfWeek() == DayOfWeek.SUNDAY ? twentySeventh.minusDays(1) : twentySeventh;
    }

    /** All nine public holidays of a year, in date order (weekend ones included). */
    public static List<Holiday> of(int year) {
        return Arrays.stream(HolidayKind.values())
                .filter(HolidayKind::isPublicHoliday)
                .map(kind -> new Holiday(dateOf(kind, year), kind))
                .sorted()
                .toList();
    }
}
