package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.CALENDAR;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.at;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosenStart;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lead time (default one working day): the same wall-clock time on the next working day; from
 * a non-working day, the opening (08:00) of the working day after the next.
 */
class LeadTimeTest {

    @ParameterizedTest(name = "{0} + {1} working day(s) → {2}")
    @CsvSource({
            "2026-03-04T14:10, 1, 2026-03-05T14:10",   // Wednesday → Thursday
            "2026-03-06T16:00, 1, 2026-03-09T16:00",   // Friday → Monday
            "2026-03-07T11:00, 1, 2026-03-10T08:00",   // Saturday → Tuesday's opening (Monday is for reading)
            "2026-03-08T23:59, 1, 2026-03-10T08:00",   // Sunday
            "2026-12-24T10:00, 1, 2026-12-28T10:00",   // Christmas Eve (Thursday) → Monday 28th
            "2026-12-25T10:00, 1, 2026-12-29T08:00",   // Christmas Day → Tuesday 29th, 08:00
            "2026-04-24T10:00, 1, 2026-04-28T10:00",   // Friday before King's Day (Monday 27 April)
            "2026-03-04T14:10, 2, 2026-03-06T14:10",
            "2026-03-04T14:10, 0, 2026-03-04T14:10",
            "2026-03-27T10:00, 1, 2026-03-30T10:00"})  // across the change to summer time: same wall clock
    void theLeadTimeEnds(String now, int workingDays, String expected) {
        Matcher matcher = new Matcher(CALENDAR, new MatchingSettings(Duration.ofMinutes(30), workingDays));

        assertThat(matcher.leadTimeEnds(at(now))).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "now {0}: first slot {1}")
    @CsvSource({
            "2026-03-04T14:10, 2026-03-05T14:30",   // 14:00 starts before 14:10
            "2026-03-04T14:00, 2026-03-05T14:00",   // a slot starting exactly when the lead time ends fits
            "2026-03-04T13:59, 2026-03-05T14:00",
            "2026-03-04T14:31, 2026-03-06T14:00"})  // Thursday's last slot (14:30) is too early: Friday
    void noSlotStartsBeforeTheLeadTimeEnds(String now, String expectedStart) {
        MatchingFixtures.Spec afternoons = spec("1000").weekly(weekly(DayOfWeek.THURSDAY, "14:00", "15:00"),
                weekly(DayOfWeek.FRIDAY, "14:00", "15:00"));

        MatchResult result = MATCHER.match(request().now(now).build(), registry(afternoons), Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse(expectedStart));
    }
}
