package nl.consilium.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two deadlines. Expected values are literal dates and instants, counted by hand and checked
 * against an independent model (a day-by-day count for the consult, a minute-by-minute walk through
 * real time for the intake in working hours).
 */
class DeadlinesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.dutch();
    private static final WorkingDayCalendar WORKING_HOURS = WorkingDayCalendar.of(
            CalendarSettings.defaults().withIntake(IntakeMode.WORKING_HOURS, Duration.ofHours(24)));

    @ParameterizedTest(name = "arrival {0}: consult due {1}")
    @CsvSource({
            // the example: Monday 2026-11-23 → Monday 2026-12-07
            "2026-11-23T10:00:00Z, 2026-12-07",
            // Friday, Saturday and Sunday all count from Monday 30 November as the first working day
            "2026-11-27T10:00:00Z, 2026-12-11",
            "2026-11-28T10:00:00Z, 2026-12-11",
            "2026-11-29T10:00:00Z, 2026-12-11",
            // Sunday 23:30 UTC is Monday 00:30 in Amsterdam: counted from the Monday
            "2026-11-22T23:30:00Z, 2026-12-07",
            "2026-11-22T22:59:59Z, 2026-12-04",
            // Monday 23:30 UTC is already Tuesday in Amsterdam
            "2026-11-23T22:59:59Z, 2026-12-07",
            "2026-11-23T23:30:00Z, 2026-12-08",
            // summer time: Thursday 23:59 and Friday 00:00 in Amsterdam are 21:59 and 22:00 UTC
            "2026-07-30T21:59:00Z, 2026-08-13",
            "2026-07-30T22:00:00Z, 2026-08-14",
            // year ends: Christmas (Fri), Boxing Day (Sat), New Year's Day (Fri) in 2026/27 ...
            "2026-12-22T09:00:00Z, 2027-01-07",
            // ... and Christmas (Thu), Boxing Day (Fri), New Year's Day (Thu) in 2025/26
            "2025-12-22T09:00:00Z, 2026-01-08",
            // Good Friday and Easter Monday 2025
            "2025-04-14T09:00:00Z, 2025-04-30",
            // Easter Monday 2026, then King's Day on Monday 27 April
            "2026-03-30T09:00:00Z, 2026-04-15",
            "2026-04-21T09:00:00Z, 2026-05-07",
            // King's Day 2025 on Saturday the 26th costs nothing; Liberation Day on Monday 5 May does
            "2025-04-22T09:00:00Z, 2025-05-07",
            "2025-04-24T09:00:00Z, 2025-05-09",
            // King's Day, 5 May and Ascension Day on consecutive days in 2027 (Tue 27 April, Wed 5 and Thu 6 May)
            "2027-04-26T09:00:00Z, 2027-05-13",
            // 5 May on a Sunday (2024) costs nothing; only Ascension Day (Thursday 9 May) is skipped
            "2024-04-29T09:00:00Z, 2024-05-14",
            // Friday 23:30 CET, the night before the change to summer time; then Good Friday and Easter Monday 2026
            "2026-03-27T22:30:00Z, 2026-04-14"})
    void consultDueOn(Instant arrival, LocalDate expected) {
        assertThat(CALENDAR.consultDueOn(arrival)).isEqualTo(expected);
    }

    @Test
    void theConsultCountIsConfigurable() {
        WorkingDayCalendar five = WorkingDayCalendar.of(CalendarSettings.defaults().withConsultWorkingDays(5));
        assertThat(five.consultDueOn(Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
        WorkingDayCalendar one = WorkingDayCalendar.of(CalendarSettings.defaults().withConsultWorkingDays(1));
        assertThat(one.consultDueOn(Instant.parse("2026-12-24T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @ParameterizedTest(name = "{0}: arrival {1} → {2}")
    @CsvSource({
            // Good Friday dropped: Friday 18 April 2025 counts (Easter Monday still does not)
            "no Good Friday, 2025-04-14T09:00:00Z, 2025-04-29",
            // 5 May dropped: Monday 5 May 2025 counts
            "no 5 May, 2025-04-24T09:00:00Z, 2025-05-08",
            // an added closing day: Thursday 3 December 2026
            "closing day, 2026-11-23T10:00:00Z, 2026-12-08",
            // a recurring closing day: 24 December, here in 2026 and 2027
            "24 December, 2026-12-22T09:00:00Z, 2027-01-08",
            "24 December, 2027-12-20T09:00:00Z, 2028-01-04"})
    void consultDueOnWithOtherRules(String variant, Instant arrival, LocalDate expected) {
        HolidayRules rules = switch (variant) {
            case "no Good Friday" -> HolidayRules.algemeneTermijnenwet().withGoodFriday(false);
            case "no 5 May" -> HolidayRules.algemeneTermijnenwet().withLiberationDay(false);
            case "closing day" -> HolidayRules.algemeneTermijnenwet().withClosingDays(LocalDate.of(2026, 12, 3));
            case "24 December" -> HolidayRules.algemeneTermijnenwet().withRecurringClosingDays(MonthDay.of(12, 24));
            default -> throw new IllegalArgumentException(variant);
        };
        WorkingDayCalendar calendar = WorkingDayCalendar.of(CalendarSettings.defaults().withHolidayRules(rules));
        assertThat(calendar.consultDueOn(arrival)).isEqualTo(expected);
        assertThat(CALENDAR.consultDueOn(arrival)).as("the default differs").isNotEqualTo(expected);
    }

    @ParameterizedTest(name = "arrival {0}: intake due {1} (clock hours)")
    @CsvSource({
            "2026-11-23T10:00:00Z, 2026-11-24T10:00:00Z",
            // weekends and holidays count in clock hours
            "2026-12-24T12:00:00Z, 2026-12-25T12:00:00Z",
            // to summer time (Sunday 29 March 2026 02:00 → 03:00): Saturday 13:00 → Sunday 14:00 on the clock
            "2026-03-28T12:00:00Z, 2026-03-29T12:00:00Z",
            // to winter time (Sunday 25 October 2026 03:00 → 02:00): Saturday 14:00 → Sunday 13:00 on the clock
            "2026-10-24T12:00:00Z, 2026-10-25T12:00:00Z"})
    void intakeDueAtInClockHours(Instant arrival, Instant expected) {
        assertThat(CALENDAR.intakeDueAt(arrival)).isEqualTo(expected);
        assertThat(Duration.between(arrival, CALENDAR.intakeDueAt(arrival))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void twentyFourClockHoursAcrossADstChangeAreNotTheSameWallClockTime() {
        Instant beforeSpring = LocalDateTime.of(2026, 3, 28, 13, 0).atZone(AMSTERDAM).toInstant();
        assertThat(CALENDAR.intakeDueAt(beforeSpring).atZone(AMSTERDAM).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 3, 29, 14, 0));
        Instant beforeAutumn = LocalDateTime.of(2026, 10, 24, 14, 0).atZone(AMSTERDAM).toInstant();
        assertThat(CALENDAR.intakeDueAt(beforeAutumn).atZone(AMSTERDAM).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 10, 25, 13, 0));
    }

    @ParameterizedTest(name = "arrival {0}: intake due {1} (working hours)")
    @CsvSource({
            // Monday 10:00 CET: 7 h Monday, 9 h Tuesday, 8 h Wednesday → Wednesday 16:00
            "2026-11-23T09:00:00Z, 2026-11-25T15:00:00Z",
            // before opening (07:00) and at opening (08:00): from 08:00 → Wednesday 14:00
            "2026-11-23T06:00:00Z, 2026-11-25T13:00:00Z",
            "2026-11-23T07:00:00Z, 2026-11-25T13:00:00Z",
            // at closing time (17:00): from Tuesday 08:00 → Thursday 14:00
            "2026-11-23T16:00:00Z, 2026-11-26T13:00:00Z",
            // Friday 16:00: 1 h, the weekend skipped, Monday, Tuesday, 5 h Wednesday → Wednesday 13:00
            "2026-11-27T15:00:00Z, 2026-12-02T12:00:00Z",
            // Saturday: from Monday 08:00
            "2026-11-28T10:00:00Z, 2026-12-02T13:00:00Z",
            // Sunday 23:30 UTC = Monday 00:30: from Monday 08:00
            "2026-11-22T23:30:00Z, 2026-11-25T13:00:00Z",
            // to summer time: Friday 15:00 CET (2 h), Monday, Tuesday, 4 h Wednesday → 12:00 CEST = 10:00 UTC
            "2026-03-27T14:00:00Z, 2026-04-01T10:00:00Z",
            // during the DST change itself (Sunday 03:30 CEST): from Monday 08:00 CEST → Wednesday 14:00 CEST
            "2026-03-29T01:30:00Z, 2026-04-01T12:00:00Z",
            // to winter time: Friday 15:00 CEST (2 h), Monday, Tuesday, 4 h Wednesday → 12:00 CET = 11:00 UTC
            "2026-10-23T13:00:00Z, 2026-10-28T11:00:00Z",
            // Wednesday 23 December 12:00: 5 h, Thursday 9 h, Christmas and the weekend skipped, Monday 9 h, 1 h Tuesday
            "2026-12-23T11:00:00Z, 2026-12-29T08:00:00Z",
            // Thursday before Easter 16:00 CEST: 1 h, Good Friday to Easter Monday skipped, Tue, Wed, 5 h Thursday
            "2026-04-02T14:00:00Z, 2026-04-09T11:00:00Z"})
    void intakeDueAtInWorkingHours(Instant arrival, Instant expected) {
        assertThat(WORKING_HOURS.intakeDueAt(arrival)).isEqualTo(expected);
    }

    @Test
    void theWorkingHoursWindowKeepsItsWallClockTimesAcrossDst() {
        // Friday before each change 16:00 local, 10 working hours: 1 h Friday, 9 h Monday → Monday 17:00 local
        WorkingDayCalendar tenHours = WorkingDayCalendar.of(
                CalendarSettings.defaults().withIntake(IntakeMode.WORKING_HOURS, Duration.ofHours(10)));
        Instant spring = tenHours.intakeDueAt(LocalDateTime.of(2026, 3, 27, 16, 0).atZone(AMSTERDAM).toInstant());
        assertThat(spring).isEqualTo(Instant.parse("2026-03-30T15:00:00Z")); // 17:00 CEST
        Instant autumn = tenHours.intakeDueAt(LocalDateTime.of(2026, 10, 23, 16, 0).atZone(AMSTERDAM).toInstant());
        assertThat(autumn).isEqualTo(Instant.parse("2026-10-26T16:00:00Z")); // 17:00 CET
    }

    @Test
    void aDeadlineThatUsesUpADayFallsAtItsClosingTime() {
        WorkingDayCalendar nineHours = WorkingDayCalendar.of(
                CalendarSettings.defaults().withIntake(IntakeMode.WORKING_HOURS, Duration.ofHours(9)));
        assertThat(nineHours.intakeDueAt(Instant.parse("2026-11-23T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
    }

    @Test
    void workingHoursAreConfigurable() {
        WorkingDayCalendar mornings = WorkingDayCalendar.of(CalendarSettings.defaults()
                .withIntake(IntakeMode.WORKING_HOURS, Duration.ofHours(4))
                .withWorkingHours(LocalTime.of(9, 0), LocalTime.of(12, 30)));
        // Monday 11:00: 1.5 h, then 2.5 h from Tuesday 09:00 → Tuesday 11:30 CET
        assertThat(mornings.intakeDueAt(Instant.parse("2026-11-23T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
    }

    @Test
    void workingHoursFollowTheHolidayRules() {
        WorkingDayCalendar noGoodFriday = WorkingDayCalendar.of(CalendarSettings.defaults()
                .withIntake(IntakeMode.WORKING_HOURS, Duration.ofHours(24))
                .withHolidayRules(HolidayRules.algemeneTermijnenwet().withGoodFriday(false)));
        // as in the table, but Good Friday's 9 hours count: Wednesday 8 April 13:00 CEST
        assertThat(noGoodFriday.intakeDueAt(Instant.parse("2026-04-02T14:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-08T11:00:00Z"));
    }

    @Test
    void inClockHoursTheWorkingHoursDoNotMatter() {
        WorkingDayCalendar clock = WorkingDayCalendar.of(CalendarSettings.defaults()
                .withIntake(IntakeMode.CLOCK_HOURS, Duration.ofHours(48))
                .withWorkingHours(LocalTime.of(9, 0), LocalTime.of(10, 0)));
        assertThat(clock.intakeDueAt(Instant.parse("2026-11-27T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-29T20:00:00Z"));
    }
}
