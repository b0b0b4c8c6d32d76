package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.addition;
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
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Weekly windows plus one-off additions minus absences, cut into slots of the slot length. */
class AvailabilityTest {

    static Stream<Arguments> slotsOfOneMonday() {
        return Stream.of(
                Arguments.of("a window cut at 30 minutes", List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:30")), List.of(),
                        List.of("09:00", "09:30", "10:00")),
                Arguments.of("a window not a multiple of the slot length", List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:15")),
                        List.of(), List.of("09:00", "09:30")),
                Arguments.of("a window starting off the hour", List.of(weekly(DayOfWeek.MONDAY, "09:10", "10:10")), List.of(),
                        List.of("09:10", "09:40")),
                Arguments.of("overlapping windows are one", List.of(weekly(DayOfWeek.MONDAY, "09:30", "11:00"),
                        weekly(DayOfWeek.MONDAY, "09:00", "10:00")), List.of(), List.of("09:00", "09:30", "10:00", "10:30")),
                Arguments.of("touching windows are one", List.of(weekly(DayOfWeek.MONDAY, "09:00", "09:45"),
                        weekly(DayOfWeek.MONDAY, "09:45", "10:00")), List.of(), List.of("09:00", "09:30")),
                Arguments.of("two windows", List.of(weekly(DayOfWeek.MONDAY, "13:00", "14:00"),
                        weekly(DayOfWeek.MONDAY, "09:00", "09:30")), List.of(), List.of("09:00", "13:00", "13:30")),
                Arguments.of("an addition extends the weekly window", List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00")),
                        List.of(addition("2026-03-09", "10:00", "11:00")), List.of("09:00", "09:30", "10:00", "10:30")),
                Arguments.of("an addition on a day without weekly window", List.of(weekly(DayOfWeek.TUESDAY, "09:00", "10:00")),
                        List.of(addition("2026-03-09", "16:00", "17:00")), List.of("16:00", "16:30")),
                Arguments.of("an addition on another date changes nothing", List.of(weekly(DayOfWeek.MONDAY, "09:00", "10:00")),
                        List.of(addition("2026-03-16", "16:00", "17:00")), List.of("09:00", "09:30")),
                Arguments.of("windows of other days", List.of(weekly(DayOfWeek.SUNDAY, "09:00", "10:00")), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void slotsOfOneMonday(String description, List<WeeklyWindow> weekly, List<DatedWindow> additions, List<String> expected) {
        MatchingFixtures.Spec spec = spec("1000").weekly(weekly.toArray(WeeklyWindow[]::new));
        additions.forEach(spec::addition);

        List<SlotView> slots = MATCHER.slots("1000", at("2026-03-09T00:00"), at("2026-03-10T00:00"), registry(spec),
                Bookings.none());

        assertThat(slots).extracting(v -> LocalDateTime.ofInstant(v.slot().start(), Matcher.ZONE).toLocalTime().toString())
                .containsExactlyElementsOf(expected);
        assertThat(slots).allSatisfy(v -> assertThat(Duration.between(v.slot().start(), v.slot().end())).isEqualTo(Duration.ofMinutes(30)));
    }

    @Test
    void anotherSlotLengthCutsOtherSlots() {
        Matcher hourly = new Matcher(MatchingFixtures.CALENDAR, new MatchingSettings(Duration.ofMinutes(45), 1));
        RegistrySnapshot registry = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "11:00")));

        List<SlotView> slots = hourly.slots("1000", at("2026-03-09T00:00"), at("2026-03-10T00:00"), registry, Bookings.none());

        assertThat(slots).extracting(SlotView::slot).containsExactly(
                MatchingFixtures.slot("2026-03-09T09:00", "2026-03-09T09:45"),
                MatchingFixtures.slot("2026-03-09T09:45", "2026-03-09T10:30"));
    }

    @ParameterizedTest(name = "absent {0} to {1} → first slot {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "2026-03-03, 2026-03-03, 2026-03-04T09:00",   // one day
            "2026-03-03, 2026-03-06, 2026-03-09T09:00",   // the rest of the week, end inclusive
            "2026-03-02, 2026-03-02, 2026-03-03T09:00",   // a day before the lead time ends: no effect
            "2026-03-01, 2026-03-20, ",                   // beyond the deadline (16 March)
            "2026-03-04, 2026-03-04, 2026-03-03T09:00"})
    void absencesRemoveWholeDays(String from, String toInclusive, String expectedStart) {
        MatchResult result = MATCHER.match(request().build(), registry(spec("1000").absent(from, toInclusive)), Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(expectedStart == null ? null : LocalDateTime.parse(expectedStart));
    }

    @Test
    void anAbsenceAlsoRemovesAdditions() {
        MatchingFixtures.Spec spec = spec("1000").weekly().addition(addition("2026-03-05", "09:00", "10:00"))
                .addition(addition("2026-03-10", "15:00", "16:00")).absent("2026-03-05", "2026-03-05");

        MatchResult result = MATCHER.match(request().build(), registry(spec), Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse("2026-03-10T15:00"));
    }

    @Test
    void aSpecialistWithoutAvailabilityHasNoSlots() {
        RegistrySnapshot registry = RegistrySnapshot.of(List.of(spec("1000").profile()), java.util.Map.of());

        MatchResult result = MATCHER.match(request().build(), registry, Bookings.none());

        assertThat(MatchingFixtures.exclusionOf(result, "1000")).isEqualTo(Exclusion.NO_SLOT_BEFORE_DEADLINE);
        assertThat(registry.availability("1000")).isEqualTo(Availability.none());
    }

    @Test
    void takenSlotsAreSkipped() {
        TestBookings bookings = new TestBookings().book("1000", "2026-03-03T09:00").book("1000", "2026-03-03T09:30");

        MatchResult result = MATCHER.match(request().build(), registry(spec("1000")), bookings);

        assertThat(chosenStart(result)).isEqualTo(LocalDateTime.parse("2026-03-03T10:00"));
        assertThat(result.choice().orElseThrow().score().weeklyLoad()).isEqualTo(2);
    }
}
