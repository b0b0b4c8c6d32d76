package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.addition;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosenStart;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.exclusionOf;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

import nl.consilium.events.scheduling.MatchingFailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slots end on or before consultDueOn (Amsterdam), and there are none on non-working days. */
class DeadlineAndHolidaysTest {

    @Test
    void theCalendarGivesTheDeadlinesTheseTestsUse() {
        assertThat(MatchingFixtures.CALENDAR.consultDueOn(MatchingFixtures.at("2026-12-18T10:00"))).isEqualTo("2027-01-05");
        assertThat(MatchingFixtures.CALENDAR.consultDueOn(MatchingFixtures.at("2026-04-24T10:00"))).isEqualTo("2026-05-12");
    }

    /**
     * A request on Friday 18 December 2026, 10:00 is due on Tuesday 5 January 2027; Christmas Day and
     * New Year's Day are Fridays, Boxing Day a Saturday. A specialist who only works on one day of the week:
     */
    @ParameterizedTest(name = "{0}s only → {1}")
    @CsvSource({
            "FRIDAY,    ",                    // 18 Dec before the lead time; 25 Dec and 1 Jan holidays: nothing
            "MONDAY,    2026-12-21T10:00",    // the lead time ends Monday 10:00
            "THURSDAY,  2026-12-24T09:00",
            "SATURDAY,  ",                    // never a working day
            "TUESDAY,   2026-12-22T09:00"})
    void christmasAndNewYearHaveNoSlots(DayOfWeek day, String expectedStart) {
        MatchResult result = MATCHER.match(request().now("2026-12-18T10:00").build(),
                registry(spec("1000").weekly(weekly(day, "09:00", "12:00"))), Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(expectedStart == null ? null : LocalDateTime.parse(expectedStart));
        if (expectedStart == null) {
            assertThat(exclusionOf(result, "1000")).isEqualTo(Exclusion.NO_SLOT_BEFORE_DEADLINE);
            assertThat(result.failure()).contains(MatchingFailureReason.NONE_BEFORE_DEADLINE);
        }
    }

    @Test
    void kingsDayHasNoSlots() {
        // Friday 24 April 2026 10:00: King's Day is Monday 27 April, the next Monday 4 May (5 May, Liberation Day, is a Tuesday).
        MatchResult result = MATCHER.match(request().now("2026-04-24T10:00").build(),
                registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "12:00"))), Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse("2026-05-04T09:00"));
    }

    @Test
    void aOneOffAdditionOnAHolidayGivesNoSlot() {
        MatchingFixtures.Spec christmasVolunteer = spec("1000").weekly().addition(addition("2026-12-25", "09:00", "12:00"))
                .addition(addition("2026-12-29", "14:00", "15:00"));

        MatchResult result = MATCHER.match(request().now("2026-12-18T10:00").build(), registry(christmasVolunteer),
                Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse("2026-12-29T14:00"));
    }

    @ParameterizedTest(name = "only slot {0} with deadline {1} → fits: {2}")
    @CsvSource({
            "2026-03-16, 16:30, 17:00, 2026-03-16, true",    // on the deadline day, ending at its close
            "2026-03-16, 23:00, 23:30, 2026-03-16, true",    // late on the deadline day
            "2026-03-17, 09:00, 09:30, 2026-03-16, false",   // the day after
            "2026-03-13, 09:00, 09:30, 2026-03-12, false",
            "2026-03-13, 09:00, 09:30, 2026-03-13, true"})
    void theSlotMustEndOnOrBeforeTheDeadline(String date, String from, String to, String due, boolean fits) {
        MatchingFixtures.Spec onlyThen = spec("1000").weekly().addition(addition(date, from, to));

        MatchResult result = MATCHER.match(request().due(due).build(), registry(onlyThen), Bookings.none());

        assertThat(result.choice().isPresent()).isEqualTo(fits);
        if (!fits) {
            assertThat(exclusionOf(result, "1000")).isEqualTo(Exclusion.NO_SLOT_BEFORE_DEADLINE);
        }
    }

    @Test
    void aDeadlineBeforeTheLeadTimeLeavesNothing() {
        MatchResult result = MATCHER.match(request().due("2026-03-02").build(), registry(spec("1000")), Bookings.none());

        assertThat(result.failure()).contains(MatchingFailureReason.NONE_BEFORE_DEADLINE);
    }

    @Test
    void closingDaysOfTheCalendarHaveNoSlots() {
        nl.consilium.calendar.WorkingDayCalendar closedMonday = nl.consilium.calendar.WorkingDayCalendar.of(
                nl.consilium.calendar.CalendarSettings.defaults().withHolidayRules(
                        nl.consilium.calendar.HolidayRules.algemeneTermijnenwet().withClosingDays(LocalDate.parse("2026-03-09"))));
        Matcher matcher = new Matcher(closedMonday, MatchingSettings.defaults());
        RegistrySnapshot mondaysOnly = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "12:00")));

        MatchResult result = matcher.match(request().due("2026-03-16").build(), mondaysOnly, Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse("2026-03-16T09:00"));
    }
}
