package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosen;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosenStart;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.exclusionOf;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

import nl.consilium.events.scheduling.MatchingFailureReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The weekly maximum: consults counted per ISO week (Monday–Sunday, Amsterdam) of the slot. */
class CapacityTest {

    @ParameterizedTest(name = "maximum {0}, {1} booked in the first week → first slot {2}")
    @CsvSource({
            "3, 2, 2026-03-03T09:00",   // under the maximum: the first slot (Tuesday, after the lead time)
            "3, 3, 2026-03-09T09:00",   // reached: the first slot of the next week
            "3, 4, 2026-03-09T09:00",   // exceeded (a manual booking): the same
            "1, 0, 2026-03-03T09:00"})
    void aFullWeekIsSkipped(int maximum, int bookedInFirstWeek, String expectedStart) {
        TestBookings bookings = new TestBookings().load("1000", "2026-03-04", bookedInFirstWeek);

        MatchResult result = MATCHER.match(request().build(), registry(spec("1000").max(maximum)), bookings);

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse(expectedStart));
        assertThat(result.choice().orElseThrow().score().weeklyLoad()).isEqualTo(expectedStart.startsWith("2026-03-03")
                ? bookedInFirstWeek : 0);
    }

    @Test
    void bookedSlotsCountTowardsTheirWeek() {
        TestBookings bookings = new TestBookings().book("1000", "2026-03-03T09:00").book("1000", "2026-03-03T09:30");

        MatchResult result = MATCHER.match(request().build(), registry(spec("1000").max(2), spec("2000")), bookings);

        assertThat(chosen(result)).isEqualTo("2000");
        assertThat(byBest(result, "1000")).isEqualTo(LocalDateTime.parse("2026-03-09T09:00"));
    }

    @Test
    void theWeekIsTheAmsterdamIsoWeekOfTheSlot() {
        // Monday 9 March 00:00–01:00 Amsterdam is Sunday 8 March 23:00–24:00 UTC: the slot belongs to the week of
        // 9 March, which is free, not to the full week of 2 March.
        MatchingFixtures.Spec night = spec("1000").max(2).weekly(weekly(DayOfWeek.MONDAY, "00:00", "01:00"));
        TestBookings bookings = new TestBookings().load("1000", "2026-03-08", 2);

        MatchResult result = MATCHER.match(request().now("2026-03-05T10:00").build(), registry(night), bookings);

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse("2026-03-09T00:00"));
    }

    @Test
    void everyWeekFullExcludesTheSpecialist() {
        TestBookings bookings = new TestBookings().load("1000", "2026-03-02", 2).load("1000", "2026-03-09", 2)
                .load("1000", "2026-03-16", 2);

        MatchResult result = MATCHER.match(request().build(), registry(spec("1000").max(2)), bookings);

        assertThat(exclusionOf(result, "1000")).isEqualTo(Exclusion.WEEKLY_MAXIMUM_REACHED);
        assertThat(result.failure()).contains(MatchingFailureReason.NONE_BEFORE_DEADLINE);
    }

    @Test
    void aMaximumOfZeroTakesNoConsults() {
        MatchResult result = MATCHER.match(request().build(), registry(spec("1000").max(0), spec("2000")), Bookings.none());

        assertThat(exclusionOf(result, "1000")).isEqualTo(Exclusion.WEEKLY_MAXIMUM_REACHED);
        assertThat(chosen(result)).isEqualTo("2000");
    }

    private static LocalDateTime byBest(MatchResult result, String agb) {
        return MatchingFixtures.byAgb(result).get(agb).best()
                .map(s -> LocalDateTime.ofInstant(s.slotStart(), Matcher.ZONE)).orElse(null);
    }
}
