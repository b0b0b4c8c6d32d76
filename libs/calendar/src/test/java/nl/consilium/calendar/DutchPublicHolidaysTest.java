package nl.consilium.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutchPublicHolidaysTest {

    /** Every Easter-dependent holiday, as published in Dutch calendars for these years. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // year, Good Friday, Easter Monday, Ascension Day, Whit Monday
            "2016, 2016-03-25, 2016-03-28, 2016-05-05, 2016-05-16",
            "2024, 2024-03-29, 2024-04-01, 2024-05-09, 2024-05-20",
            "2025, 2025-04-18, 2025-04-21, 2025-05-29, 2025-06-09",
            "2026, 2026-04-03, 2026-04-06, 2026-05-14, 2026-05-25",
            "2027, 2027-03-26, 2027-03-29, 2027-05-06, 2027-05-17",
            "2028, 2028-04-14, 2028-04-17, 2028-05-25, 2028-06-05",
            "2038, 2038-04-23, 2038-04-26, 2038-06-03, 2038-06-14"})
    void theEasterDependentHolidays(int year, LocalDate goodFriday, LocalDate easterMonday, LocalDate ascension,
            LocalDate whitMonday) {
        assertThat(DutchPublicHolidays.dateOf(HolidayKind.GOOD_FRIDAY, year)).isEqualTo(goodFriday);
        assertThat(DutchPublicHolidays.dateOf(HolidayKind.EASTER_MONDAY, year)).isEqualTo(easterMonday);
        assertThat(DutchPublicHolidays.dateOf(HolidayKind.ASCENSION_DAY, year)).isEqualTo(ascension);
        assertThat(DutchPublicHolidays.dateOf(HolidayKind.WHIT_MONDAY, year)).isEqualTo(whitMonday);
        assertThat(goodFriday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(easterMonday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ascension.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(whitMonday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    /** King's Day moves to Saturday 26 April when the 27th is a Sunday (2014 was the first such year), never otherwise. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2014, 2014-04-26", "2025, 2025-04-26", "2031, 2031-04-26", "2036, 2036-04-26", "2042, 2042-04-26",
            // the 27th on a Saturday stays put, as do the other days
            "2024, 2024-04-27", "2026, 2026-04-27", "2030, 2030-04-27", "2035, 2035-04-27"})
    void kingsDay(int year, LocalDate expected) {
        assertThat(DutchPublicHolidays.kingsDay(year)).isEqualTo(expected);
        assertThat(DutchPublicHolidays.dateOf(HolidayKind.KINGS_DAY, year)).isEqualTo(expected);
        assertThat(LocalDate.of(year, 4, 27).getDayOfWeek() == DayOfWeek.SUNDAY)
                .as("the table puts the Sunday years on the 26th").isEqualTo(expected.getDayOfMonth() == 26);
    }

    @Test
    void kingsDayIsNeverOnASunday() {
        for (int year = 1900; year <= 2100; year++) {
            LocalDate kingsDay = DutchPublicHolidays.kingsDay(year);
            assertThat(kingsDay.getDayOfWeek()).as("year %d", year).isNotEqualTo(DayOfWeek.SUNDAY);
            assertThat(kingsDay.getDayOfMonth()).as("year %d", year).isIn(26, 27);
        }
    }

    @Test
    void theNinePublicHolidaysOf2026InDateOrderAndNamed() {
        assertThat(DutchPublicHolidays.of(2026)).extracting(Holiday::date, Holiday::kind, Holiday::name).containsExactly(
                tuple(LocalDate.of(2026, 1, 1), HolidayKind.NEW_YEARS_DAY, "Nieuwjaarsdag"),
                tuple(LocalDate.of(2026, 4, 3), HolidayKind.GOOD_FRIDAY, "Goede Vrijdag"),
                tuple(LocalDate.of(2026, 4, 6), HolidayKind.EASTER_MONDAY, "Tweede Paasdag"),
                tuple(LocalDate.of(2026, 4, 27), HolidayKind.KINGS_DAY, "Koningsdag"),
                tuple(LocalDate.of(2026, 5, 5), HolidayKind.LIBERATION_DAY, "Bevrijdingsdag"),
                tuple(LocalDate.of(2026, 5, 14), HolidayKind.ASCENSION_DAY, "Hemelvaartsdag"),
                tuple(LocalDate.of(2026, 5, 25), HolidayKind.WHIT_MONDAY, "Tweede Pinksterdag"),
                tuple(LocalDate.of(2026, 12, 25), HolidayKind.CHRISTMAS_DAY, "Eerste Kerstdag"),
                tuple(LocalDate.of(2026, 12, 26), HolidayKind.BOXING_DAY, "Tweede Kerstdag"));
    }

    @Test
    void liberationDayCountsEveryYearNotOnlyInLustrumYears() {
        for (int year : new int[] {2024, 2025, 2026, 2027, 2029}) {
            assertThat(DutchPublicHolidays.of(year)).as("year %d", year)
                    .contains(new Holiday(LocalDate.of(year, 5, 5), HolidayKind.LIBERATION_DAY));
        }
    }

    @Test
    void aClosingDayHasNoDateOfItsOwn() {
        assertThatThrownBy(() -> DutchPublicHolidays.dateOf(HolidayKind.CLOSING_DAY, 2026))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HolidayKind.CLOSING_DAY.isPublicHoliday()).isFalse();
        assertThat(HolidayKind.KINGS_DAY.englishName()).isEqualTo("King's Day");
    }
}
