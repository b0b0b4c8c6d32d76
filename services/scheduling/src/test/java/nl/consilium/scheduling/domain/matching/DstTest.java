package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.at;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Slots are cut in Amsterdam wall-clock time, so across the daylight-saving changes (last Sunday of
 * March and of October) a 09:00 slot stays at 09:00 and moves an hour in UTC.
 */
class DstTest {

    @ParameterizedTest(name = "Monday windows from {0} to {1}: 09:00 is {2} UTC before and {3} UTC after")
    @CsvSource({
            "2026-03-23T00:00, 2026-04-04T00:00, 08:00, 07:00",   // summer time from Sunday 29 March
            "2026-10-19T00:00, 2026-10-31T00:00, 07:00, 08:00"})  // winter time from Sunday 25 October
    void slotsKeepTheirWallClockTime(String from, String to, String utcBefore, String utcAfter) {
        RegistrySnapshot registry = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "10:00")));

        List<SlotView> slots = MATCHER.slots("1000", at(from), at(to), registry, Bookings.none());

        assertThat(slots).extracting(v -> LocalDateTime.ofInstant(v.slot().start(), Matcher.ZONE).toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(slots).extracting(v -> LocalDateTime.ofInstant(v.slot().start(), java.time.ZoneOffset.UTC).toLocalTime())
                .containsExactly(LocalTime.parse(utcBefore), LocalTime.parse(utcBefore).plusMinutes(30),
                        LocalTime.parse(utcAfter), LocalTime.parse(utcAfter).plusMinutes(30));
        assertThat(slots).allSatisfy(v -> assertThat(java.time.Duration.between(v.slot().start(), v.slot().end()))
                .isEqualTo(java.time.Duration.ofMinutes(30)));
    }

    @Test
    void theMatchAfterTheSpringChangeUsesSummerTime() {
        // Friday 27 March 10:00 (winter): the lead time ends Monday 30 March 10:00 (summer) = 08:00 UTC.
        RegistrySnapshot registry = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "11:00")));

        MatchResult result = MATCHER.match(request().now("2026-03-27T10:00").build(), registry, Bookings.none());

        assertThat(result.choice().orElseThrow().slot().start()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(MATCHER.leadTimeEnds(at("2026-03-27T10:00"))).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void theMatchAfterTheAutumnChangeUsesWinterTime() {
        // Friday 23 October 10:00 (summer) → Monday 26 October 10:00 (winter) = 09:00 UTC.
        RegistrySnapshot registry = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "11:00")));

        MatchResult result = MATCHER.match(request().now("2026-10-23T10:00").build(), registry, Bookings.none());

        assertThat(result.choice().orElseThrow().slot()).isEqualTo(
                new Slot(Instant.parse("2026-10-26T09:00:00Z"), Instant.parse("2026-10-26T09:30:00Z")));
    }

    @Test
    void onTheDayOfTheChangeWallClockTimesAreConvertedByTheZoneRules() {
        // No consults on Sundays, but the day table must still be right there: 03:30 on 29 March is summer time.
        DayTable days = new DayTable(MatchingFixtures.CALENDAR, LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-30"));

        assertThat(Instant.ofEpochSecond(days.epochSecond(1, LocalTime.of(3, 30).toSecondOfDay())))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(Instant.ofEpochSecond(days.epochSecond(1, LocalTime.of(1, 30).toSecondOfDay())))
                .isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
        assertThat(Instant.ofEpochSecond(days.epochSecond(2, LocalTime.of(9, 0).toSecondOfDay())))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(days.isWorkingDay(1)).isFalse();
        assertThat(days.dayOfWeekIndex(1)).isEqualTo(6);
    }
}
