package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosen;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The score order: focus-area match, then the earlier slot, then the lower weekly load, then the
 * lower AGB. Each case has two candidates that differ in what the rule decides on.
 */
class ScoreOrderTest {

    private static final WeeklyWindow WEDNESDAY = weekly(DayOfWeek.WEDNESDAY, "09:00", "12:00");
    private static final WeeklyWindow THURSDAY = weekly(DayOfWeek.THURSDAY, "09:00", "12:00");

    static Stream<Arguments> scoreOrder() {
        return Stream.of(
                Arguments.of("focus area beats an earlier slot", "rhythm",
                        spec("1000").weekly(WEDNESDAY), 0, spec("2000").weekly(THURSDAY).focus("Rhythm"), 0, "2000"),
                Arguments.of("an earlier slot beats a lower load", null,
                        spec("1000").weekly(THURSDAY), 0, spec("2000").weekly(WEDNESDAY), 5, "2000"),
                Arguments.of("an earlier slot decides between two focus matches", "rhythm",
                        spec("1000").weekly(THURSDAY).focus("rhythm"), 0, spec("2000").weekly(WEDNESDAY).focus("rhythm", "valves"), 3,
                        "2000"),
                Arguments.of("the load breaks a tie in time", null,
                        spec("1000").weekly(WEDNESDAY), 3, spec("2000").weekly(WEDNESDAY), 2, "2000"),
                Arguments.of("the AGB breaks a tie in time and load", null,
                        spec("2000").weekly(WEDNESDAY), 1, spec("1000").weekly(WEDNESDAY), 1, "1000"),
                Arguments.of("no focus area asked: a focus area counts for nothing", null,
                        spec("1000").weekly(WEDNESDAY), 0, spec("2000").weekly(THURSDAY).focus("rhythm"), 0, "1000"),
                Arguments.of("another focus area counts for nothing", "valves",
                        spec("1000").weekly(WEDNESDAY), 0, spec("2000").weekly(THURSDAY).focus("rhythm"), 0, "1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void scoreOrder(String description, String focusArea, MatchingFixtures.Spec first, int firstLoad, MatchingFixtures.Spec second,
            int secondLoad, String expected) {
        TestBookings bookings = new TestBookings().load(first.agb, "2026-03-04", firstLoad).load(second.agb, "2026-03-04", secondLoad);

        MatchResult result = MATCHER.match(request().focus(focusArea).build(), registry(first, second), bookings);

        assertThat(chosen(result)).isEqualTo(expected);
        // The rationale ranks the loser second with its own score.
        assertThat(result.rationale()).extracting(CandidateRationale::specialistAgb)
                .containsExactly(expected, expected.equals(first.agb) ? second.agb : first.agb);
    }

    @Test
    void theComparatorOrdersScoresByTheDocumentedRules() {
        Instant early = Instant.parse("2026-03-04T08:00:00Z");
        Instant late = Instant.parse("2026-03-05T08:00:00Z");
        List<Score> scores = new ArrayList<>(List.of(new Score(false, early, 0), new Score(true, late, 9), new Score(false, late, 0),
                new Score(true, late, 1), new Score(false, early, 2), new Score(true, early, 4)));

        scores.sort(Matcher.SCORE_ORDER);

        assertThat(scores).containsExactly(new Score(true, early, 4), new Score(true, late, 1), new Score(true, late, 9),
                new Score(false, early, 0), new Score(false, early, 2), new Score(false, late, 0));
    }
}
