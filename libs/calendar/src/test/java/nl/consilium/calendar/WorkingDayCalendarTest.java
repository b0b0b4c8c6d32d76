package nl.consilium.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.dutch();

    /** The public holidays of 2025–2027 as literal dates, from published Dutch calendars. */
    private static final Set<LocalDate> HOLIDAYS_2025_TO_2027 = Set.of(
            LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-18"), LocalDate.parse("2025-04-21"),
            LocalDate.parse("2025-04-26"), LocalDate.parse("2025-05-05"), LocalDate.parse("2025-05-29"),
            LocalDate.parse("2025-06-09"), LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26"),
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-04-27"), LocalDate.parse("2026-05-05"), LocalDate.parse("2026-05-14"),
            LocalDate.parse("2026-05-25"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"),
            LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-26"), LocalDate.parse("2027-03-29"),
            LocalDate.parse("2027-04-27"), LocalDate.parse("2027-05-05"), LocalDate.parse("2027-05-06"),
            LocalDate.parse("2027-05-17"), LocalDate.parse("2027-12-25"), LocalDate.parse("2027-12-26"));

    @Test
    void everyDayOf2025To2027IsAWorkingDayExactlyWhenItIsAWeekdayAndNoHoliday() {
        for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() <= 2027; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertThat(CALENDAR.isWorkingDay(day)).as("%s (%s)", day, day.getDayOfWeek())
                    .isEqualTo(!weekend && !HOLIDAYS_2025_TO_2027.contains(day));
        }
    }

    /** 261 weekdays in each year; 8, 8 and 7 holidays fall on one of them (King's Day 2025 and Boxing Day 2026 on a Saturday). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2025, 253", "2026, 253", "2027, 254"})
    void workingDaysInAYear(int year, int expected) {
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is no working day")
    @ValueSource(strings = {"2026-11-28", "2026-11-29", "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27",
            "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2025-04-26", "2025-12-26"})
    void weekendsAndHolidaysAreNoWorkingDays(LocalDate day) {
        assertThat(CALENDAR.isWorkingDay(day)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a working day")
    @ValueSource(strings = {"2026-11-23", "2026-11-27", "2026-12-24", "2026-12-31", "2026-04-02", "2026-04-07",
            "2025-04-28", "2026-05-04", "2024-05-06", "2029-05-04"})
    void ordinaryWeekdaysAreWorkingDays(LocalDate day) {
        assertThat(CALENDAR.isWorkingDay(day)).isTrue();
    }

    @ParameterizedTest(name = "after {0}: {1}")
    @CsvSource({
            "2026-11-23, 2026-11-24", // Monday → Tuesday
            "2026-11-27, 2026-11-30", // Friday → Monday
            "2026-11-28, 2026-11-30", // Saturday → Monday
            "2026-11-29, 2026-11-30", // Sunday → Monday
            "2026-12-24, 2026-12-28", // Christmas Eve → over Christmas (Fri) and the weekend
            "2025-12-24, 2025-12-29", // over Christmas (Thu) and Boxing Day (Fri)
            "2025-12-31, 2026-01-02", // over New Year's Day
            "2026-04-02, 2026-04-07", // over Good Friday, Easter, Easter Monday
            "2026-04-24, 2026-04-28", // over King's Day on a Monday
            "2026-05-13, 2026-05-15", // over Ascension Day
            "2026-05-22, 2026-05-26", // over Whit Monday
            "2025-05-02, 2025-05-06", // over Liberation Day on a Monday
            "2025-04-25, 2025-04-28"}) // King's Day 2025 on Saturday the 26th: Monday is a working day
    void nextWorkingDay(LocalDate date, LocalDate expected) {
        assertThat(CALENDAR.nextWorkingDay(date)).isEqualTo(expected);
    }

    @Test
    void workingDayOnOrAfterKeepsAWorkingDay() {
        assertThat(CALENDAR.workingDayOnOrAfter(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(CALENDAR.workingDayOnOrAfter(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CALENDAR.workingDayOnOrAfter(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-11-23, 0, 2026-11-23",
            "2026-11-28, 0, 2026-11-28", // zero keeps even a Saturday
            "2026-11-23, 1, 2026-11-24",
            "2026-11-23, 5, 2026-11-30",
            "2026-11-23, 10, 2026-12-07",
            "2026-11-28, 1, 2026-11-30",
            "2026-12-22, 10, 2027-01-07",
            "2025-12-22, 10, 2026-01-08",
            "2026-01-01, 253, 2026-12-31",
            "2026-03-31, 3, 2026-04-07"}) // Wed 1, Thu 2, (Good Friday, weekend, Easter Monday), Tue 7
    void addWorkingDays(LocalDate date, int workingDays, LocalDate expected) {
        assertThat(CALENDAR.addWorkingDays(date, workingDays)).isEqualTo(expected);
    }

    @Test
    void addWorkingDaysRefusesNegativeCounts() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2026, 11, 23), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "({0}, {1}]: {2}")
    @CsvSource({
            "2026-11-23, 2026-11-23, 0",
            "2026-11-23, 2026-11-24, 1",
            "2026-11-27, 2026-11-29, 0",  // Friday to Sunday: only the weekend
            "2026-11-27, 2026-11-30, 1",
            "2026-11-23, 2026-12-07, 10",
            "2026-12-22, 2027-01-07, 10",
            "2026-04-02, 2026-04-07, 1",  // Good Friday, the weekend and Easter Monday in between
            "2026-12-07, 2026-11-23, -10",
            "2026-11-30, 2026-11-27, -1"})
    void workingDaysBetween(LocalDate from, LocalDate to, int expected) {
        assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void addingAndCountingAreInverse() {
        for (LocalDate day = LocalDate.of(2025, 12, 1); day.isBefore(LocalDate.of(2027, 1, 31)); day = day.plusDays(1)) {
            for (int n = 0; n <= 25; n++) {
                LocalDate later = CALENDAR.addWorkingDays(day, n);
                assertThat(CALENDAR.workingDaysBetween(day, later)).as("%s + %d", day, n).isEqualTo(n);
                assertThat(n == 0 || CALENDAR.isWorkingDay(later)).as("%s + %d", day, n).isTrue();
                assertThat(CALENDAR.workingDaysBetween(later, day)).isEqualTo(-n);
            }
        }
    }

    @Test
    void holidaysOfAYearAreNamedAndFollowTheSettings() {
        WorkingDayCalendar calendar = WorkingDayCalendar.of(CalendarSettings.defaults().withHolidayRules(
                HolidayRules.algemeneTermijnenwet().withGoodFriday(false).withRecurringClosingDays(MonthDay.of(12, 24))));
        assertThat(calendar.holidays(2026)).extracting(Holiday::toString).containsExactly(
                "2026-01-01 Nieuwjaarsdag", "2026-04-06 Tweede Paasdag", "2026-04-27 Koningsdag",
                "2026-05-05 Bevrijdingsdag", "2026-05-14 Hemelvaartsdag", "2026-05-25 Tweede Pinksterdag",
                "2026-12-24 Sluitingsdag", "2026-12-25 Eerste Kerstdag", "2026-12-26 Tweede Kerstdag");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(calendar.holidaysOn(LocalDate.of(2026, 12, 24))).extracting(Holiday::kind)
                .containsExactly(HolidayKind.CLOSING_DAY);
        assertThat(calendar.holidaysOn(LocalDate.of(2026, 12, 23))).isEmpty();
    }

    @Test
    void theCalendarDayOfAnInstantIsAmsterdams() {
        assertThat(CALENDAR.dateOf(Instant.parse("2026-11-22T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(CALENDAR.dateOf(Instant.parse("2026-11-22T22:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(CALENDAR.dateOf(Instant.parse("2026-07-31T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(CALENDAR.dateOf(Instant.parse("2026-07-31T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void closingDaysThatLeaveNoWorkingDayAreReportedNotLoopedOver() {
        List<MonthDay> everyDay = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2028, 1, 1); day.getYear() == 2028; day = day.plusDays(1)) {
            everyDay.add(MonthDay.from(day));
        }
        WorkingDayCalendar closed = WorkingDayCalendar.of(CalendarSettings.defaults()
                .withHolidayRules(HolidayRules.algemeneTermijnenwet().withRecurringClosingDays(everyDay)));
        assertThatThrownBy(() -> closed.nextWorkingDay(LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no working day");
        assertThat(closed.intakeDueAt(Instant.parse("2026-01-01T10:00:00Z"))).as("clock hours need no working day")
                .isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
        WorkingDayCalendar closedWorkingHours = WorkingDayCalendar.of(closed.settings()
                .withIntake(IntakeMode.WORKING_HOURS, CalendarSettings.DEFAULT_INTAKE_DURATION));
        assertThatThrownBy(() -> closedWorkingHours.intakeDueAt(Instant.parse("2026-01-01T10:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<Callable<LocalDate>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tasks.add(() -> CALENDAR.consultDueOn(Instant.parse("2026-12-22T09:00:00Z")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<LocalDate> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(LocalDate.of(2027, 1, 7));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void calendarsWithEqualSettingsAreEqual() {
        assertThat(WorkingDayCalendar.of(CalendarSettings.defaults())).isEqualTo(WorkingDayCalendar.dutch())
                .hasSameHashCodeAs(WorkingDayCalendar.dutch());
        assertThat(WorkingDayCalendar.of(CalendarSettings.defaults().withConsultWorkingDays(5)))
                .isNotEqualTo(WorkingDayCalendar.dutch());
        assertThat(WorkingDayCalendar.dutch().settings()).isEqualTo(CalendarSettings.defaults());
    }
}
