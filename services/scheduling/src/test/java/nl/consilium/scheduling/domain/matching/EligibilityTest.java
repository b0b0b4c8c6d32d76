package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.TREATING_AGB;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosen;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.exclusionOf;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may be a candidate at all: active, independent of the treating specialist and his
 * organisations, speaking the patient's language. Specialist 1000 is the earlier-AGB candidate under
 * test and wins whenever he is eligible; 2000 is always eligible.
 */
class EligibilityTest {

    static Stream<Arguments> independence() {
        return Stream.of(
                // treating AGB, treating organisations, candidate's organisations, expected exclusion of 1000
                Arguments.of("shares the treating hospital", TREATING_AGB, new String[] {"umcu"}, new String[] {"umcu", "diak"},
                        Exclusion.NOT_INDEPENDENT),
                Arguments.of("shares a group practice, other spelling", TREATING_AGB, new String[] {" Maatschap-Cardio "},
                        new String[] {"maatschap-cardio"}, Exclusion.NOT_INDEPENDENT),
                Arguments.of("is the treating specialist (no organisations anywhere)", "1000", new String[] {},
                        new String[] {}, Exclusion.NOT_INDEPENDENT),
                Arguments.of("shares an organisation the registry knows for the treating specialist", "3000",
                        new String[] {}, new String[] {"org-3000"}, Exclusion.NOT_INDEPENDENT),
                Arguments.of("unknown treating organisations", "55555555", new String[] {"some-clinic-abroad"},
                        new String[] {"umcu"}, null),
                Arguments.of("no treating organisations, unknown treating specialist", null, new String[] {},
                        new String[] {"umcu"}, null),
                Arguments.of("different organisations", TREATING_AGB, new String[] {"mumc", "zuyderland"},
                        new String[] {"umcu", "diak"}, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void independence(String description, String treatingAgb, String[] treatingOrganisations, String[] candidateOrganisations,
            Exclusion expected) {
        RegistrySnapshot registry = registry(spec("1000").organisations(candidateOrganisations), spec("2000"),
                spec("3000").organisations("org-3000").specialty("orthopaedics"));

        MatchResult result = MATCHER.match(request().treating(treatingAgb, treatingOrganisations).build(), registry,
                Bookings.none());

        assertThat(exclusionOf(result, "1000")).isEqualTo(expected);
        assertThat(chosen(result)).isEqualTo(expected == null ? "1000" : "2000");
    }

    static Stream<Arguments> language() {
        return Stream.of(
                Arguments.of(null, new String[] {"nl"}, null),
                Arguments.of("", new String[] {"de"}, null),
                Arguments.of("nl", new String[] {"nl", "en"}, null),
                Arguments.of("EN", new String[] {"nl", "en"}, null),
                Arguments.of("en", new String[] {"nl"}, Exclusion.LANGUAGE),
                Arguments.of("tr", new String[] {"nl", "en", "de"}, Exclusion.LANGUAGE));
    }

    @ParameterizedTest(name = "patient speaks {0}, specialist {1} → {2}")
    @MethodSource
    void language(String patientLanguage, String[] specialistLanguages, Exclusion expected) {
        RegistrySnapshot registry = registry(spec("1000").languages(specialistLanguages),
                spec("2000").languages("nl", "en", "de", "tr"));

        MatchResult result = MATCHER.match(request().language(patientLanguage).build(), registry, Bookings.none());

        assertThat(exclusionOf(result, "1000")).isEqualTo(expected);
        assertThat(chosen(result)).isEqualTo(expected == null ? "1000" : "2000");
    }

    @Test
    void anInactiveSpecialistIsListedButNotChosen() {
        MatchResult result = MATCHER.match(request().build(), registry(spec("1000").inactive(), spec("2000")), Bookings.none());

        assertThat(exclusionOf(result, "1000")).isEqualTo(Exclusion.INACTIVE);
        assertThat(chosen(result)).isEqualTo("2000");
    }

    @Test
    void onlyTheRequestedSpecialtyIsConsideredAndListed() {
        MatchResult result = MATCHER.match(request().build(),
                registry(spec("1000").specialty("orthopaedics"), spec("2000"), spec("3000").inactive()), Bookings.none());

        assertThat(chosen(result)).isEqualTo("2000");
        assertThat(result.rationale()).extracting(CandidateRationale::specialistAgb).containsExactly("2000", "3000");
    }

    @Test
    void theRationaleListsTheCandidatesBestFirstThenTheExcludedByAgb() {
        RegistrySnapshot registry = registry(spec("5000"), spec("4000").inactive(), spec("3000").organisations("treating-hospital"),
                spec("2000").weekly(MatchingFixtures.weekly(java.time.DayOfWeek.WEDNESDAY, "09:00", "10:00")), spec("1000").inactive());

        MatchResult result = MATCHER.match(request().build(), registry, Bookings.none());

        assertThat(result.rationale()).extracting(CandidateRationale::specialistAgb)
                .containsExactly("5000", "2000", "1000", "3000", "4000");
        assertThat(result.rationale()).extracting(r -> r.excludedBecause().orElse(null))
                .containsExactly(null, null, Exclusion.INACTIVE, Exclusion.NOT_INDEPENDENT, Exclusion.INACTIVE);
        assertThat(result.rationale()).allSatisfy(r -> assertThat(r.best().isPresent()).isNotEqualTo(r.excludedBecause().isPresent()));
        assertThat(result.choice().orElseThrow().score()).isEqualTo(result.rationale().getFirst().best().orElseThrow());
    }
}
