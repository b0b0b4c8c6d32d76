package nl.consilium.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HolidayRulesTest {

    private static final HolidayRules DEFAULT = HolidayRules.algemeneTermijnenwet();

    @Test
    void theDefaultObservesAllNinePublicHolidaysAndNoClosingDays() {
        assertThat(DEFAULT.goodFriday()).isTrue();
        assertThat(DEFAULT.liberationDay()).isTrue();
        assertThat(DEFAULT.closingDays()).isEmpty();
        assertThat(DEFAULT.recurringClosingDays()).isEmpty();
        assertThat(DEFAULT.holidays(2027)).extracting(Holiday::date).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 4, 27), LocalDate.of(2027, 5, 5), LocalDate.of(2027, 5, 6),
                LocalDate.of(2027, 5, 17), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
    }

    @Test
    void goodFridayCanBeDropped() {
        HolidayRules rules = DEFAULT.withGoodFriday(false);
        assertThat(rules.isHoliday(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(DEFAULT.isHoliday(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(rules.isHoliday(LocalDate.of(2026, 4, 6))).as("Easter Monday stays").isTrue();
        assertThat(rules.holidays(2026)).hasSize(8).extracting(Holiday::kind).doesNotContain(HolidayKind.GOOD_FRIDAY);
        assertThat(rules.observes(HolidayKind.GOOD_FRIDAY)).isFalse();
    }

    @Test
    void liberationDayCanBeDropped() {
        HolidayRules rules = DEFAULT.withLiberationDay(false);
        assertThat(rules.isHoliday(LocalDate.of(2026, 5, 5))).isFalse();
        assertThat(DEFAULT.isHoliday(LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(rules.holidays(2026)).hasSize(8).extracting(Holiday::kind).doesNotContain(HolidayKind.LIBERATION_DAY);
    }

    @Test
    void droppingLiberationDayKeepsAscensionDayOnTheSameDate() {
        // Ascension Day fell on 5 May in 2016: both are listed; without 5 May the day is still a holiday.
        LocalDate fifthOfMay2016 = LocalDate.of(2016, 5, 5);
        assertThat(DEFAULT.holidaysOn(fifthOfMay2016)).extracting(Holiday::kind)
                .containsExactly(HolidayKind.LIBERATION_DAY, HolidayKind.ASCENSION_DAY);
        HolidayRules rules = DEFAULT.withLiberationDay(false);
        assertThat(rules.isHoliday(fifthOfMay2016)).isTrue();
        assertThat(rules.holidaysOn(fifthOfMay2016)).extracting(Holiday::kind).containsExactly(HolidayKind.ASCENSION_DAY);
    }

    @Test
    void closingDaysAreAddedForTheirYearOnly() {
        HolidayRules rules = DEFAULT.withClosingDays(LocalDate.of(2026, 5, 15), LocalDate.of(2027, 5, 7));
        assertThat(rules.isHoliday(LocalDate.of(2026, 5, 15))).isTrue();
        assertThat(rules.isHoliday(LocalDate.of(2027, 5, 15))).isFalse();
        assertThat(rules.holidaysOn(LocalDate.of(2026, 5, 15)))
                .containsExactly(new Holiday(LocalDate.of(2026, 5, 15), HolidayKind.CLOSING_DAY));
        assertThat(rules.holidays(2026)).hasSize(10);
        assertThat(rules.holidays(2027)).hasSize(10);
        assertThat(rules.holidays(2028)).hasSize(9);
        assertThat(rules.holidays(2026).get(6)).hasToString("2026-05-15 Sluitingsdag");
    }

    @Test
    void recurringClosingDaysComeBackEveryYear() {
        HolidayRules rules = DEFAULT.withRecurringClosingDays(MonthDay.of(12, 24), MonthDay.of(12, 31));
        for (int year = 2024; year <= 2030; year++) {
            assertThat(rules.isHoliday(LocalDate.of(year, 12, 24))).as("year %d", year).isTrue();
            assertThat(rules.isHoliday(LocalDate.of(year, 12, 31))).as("year %d", year).isTrue();
            assertThat(rules.isHoliday(LocalDate.of(year, 12, 23))).as("year %d", year).isFalse();
            assertThat(rules.holidays(year)).as("year %d", year).hasSize(11).last()
                    .isEqualTo(new Holiday(LocalDate.of(year, 12, 31), HolidayKind.CLOSING_DAY));
        }
    }

    @Test
    void theTwentyNinthOfFebruaryRecursInLeapYearsOnly() {
        HolidayRules rules = DEFAULT.withRecurringClosingDays(MonthDay.of(2, 29));
        assertThat(rules.holidays(2028)).hasSize(10);
        assertThat(rules.isHoliday(LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(rules.holidays(2027)).hasSize(9);
        assertThat(rules.isHoliday(LocalDate.of(2027, 2, 28))).isFalse();
        assertThat(rules.isHoliday(LocalDate.of(2027, 3, 1))).isFalse();
    }

    @Test
    void aClosingDayGivenTwiceIsListedOnceAndBesideAPublicHoliday() {
        HolidayRules rules = DEFAULT.withClosingDays(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25))
                .withRecurringClosingDays(MonthDay.of(12, 24));
        assertThat(rules.holidays(2026)).filteredOn(h -> h.date().getMonthValue() == 12).containsExactly(
                new Holiday(LocalDate.of(2026, 12, 24), HolidayKind.CLOSING_DAY),
                new Holiday(LocalDate.of(2026, 12, 25), HolidayKind.CHRISTMAS_DAY),
                new Holiday(LocalDate.of(2026, 12, 25), HolidayKind.CLOSING_DAY),
                new Holiday(LocalDate.of(2026, 12, 26), HolidayKind.BOXING_DAY));
    }

    @Test
    void addingKeepsWhatWasThereAndLeavesTheOriginalAlone() {
        HolidayRules once = DEFAULT.withClosingDays(LocalDate.of(2026, 6, 1));
        HolidayRules twice = once.withClosingDays(List.of(LocalDate.of(2026, 6, 2)));
        assertThat(twice.closingDays()).containsExactly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2));
        assertThat(once.closingDays()).containsExactly(LocalDate.of(2026, 6, 1));
        assertThat(DEFAULT.closingDays()).isEmpty();
        assertThat(twice).isEqualTo(new HolidayRules(true, true,
                Set.of(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 1)), Set.of()));
        assertThatThrownBy(() -> twice.closingDays().add(LocalDate.of(2026, 6, 3)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theSetsAreCopied() {
        Set<LocalDate> days = new HashSet<>(Set.of(LocalDate.of(2026, 6, 1)));
        HolidayRules rules = new HolidayRules(true, true, days, Set.of());
        days.add(LocalDate.of(2026, 6, 2));
        assertThat(rules.isHoliday(LocalDate.of(2026, 6, 2))).isFalse();
    }

    /** {@code isHoliday} takes a short cut of its own; it must agree with the list for every day of two centuries. */
    @Test
    void isHolidayAgreesWithTheListOfTheYearEveryDay() {
        List<HolidayRules> variants = List.of(DEFAULT, DEFAULT.withGoodFriday(false).withLiberationDay(false),
                DEFAULT.withLiberationDay(false).withRecurringClosingDays(MonthDay.of(12, 24), MonthDay.of(2, 29))
                        .withClosingDays(LocalDate.of(2026, 5, 15)));
        for (HolidayRules rules : variants) {
            for (int year = 1900; year <= 2100; year++) {
                Set<LocalDate> listed = new HashSet<>();
                rules.holidays(year).forEach(h -> listed.add(h.date()));
                for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                    assertThat(rules.isHoliday(day)).as("%s with %s", day, rules).isEqualTo(listed.contains(day));
                }
            }
        }
    }
}
