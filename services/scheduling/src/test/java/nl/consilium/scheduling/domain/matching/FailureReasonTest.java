package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.TREATING_HOSPITAL;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.patient;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Stream;

import nl.consilium.events.scheduling.MatchingFailureReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Why a match fails, from the exclusions of all candidates of the specialty. */
class FailureReasonTest {

    private static final PatientWindow EVENINGS = patient(DayOfWeek.TUESDAY, "19:00", "21:00");

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("nobody of the specialty", registry(spec("1000").specialty("orthopaedics")), null, List.of(),
                        MatchingFailureReason.NO_INDEPENDENT_SPECIALIST),
                Arguments.of("only inactive, dependent or other-language specialists",
                        registry(spec("1000").inactive(), spec("2000").organisations(TREATING_HOSPITAL), spec("3000").languages("de")), "en",
                        List.of(), MatchingFailureReason.NO_INDEPENDENT_SPECIALIST),
                Arguments.of("independent, but fully booked or absent", registry(spec("1000").max(0), spec("2000").absent("2026-03-01", "2026-03-31")),
                        null, List.of(), MatchingFailureReason.NONE_BEFORE_DEADLINE),
                Arguments.of("independent, but no slots at all before the deadline", registry(spec("1000").weekly()), null,
                        List.of(EVENINGS), MatchingFailureReason.NONE_BEFORE_DEADLINE),
                Arguments.of("free slots, none in the patient's evenings", registry(spec("1000"), spec("2000").max(0)), null,
                        List.of(EVENINGS), MatchingFailureReason.NONE_IN_PATIENT_AVAILABILITY),
                Arguments.of("one without slots, one with slots outside the patient's time", registry(spec("1000").weekly(), spec("2000")),
                        null, List.of(EVENINGS), MatchingFailureReason.NONE_IN_PATIENT_AVAILABILITY),
                Arguments.of("every slot booked: the patient's time does not matter",
                        registry(spec("1000").weekly(weekly(DayOfWeek.TUESDAY, "09:00", "10:00"))), null, List.of(EVENINGS),
                        MatchingFailureReason.NONE_BEFORE_DEADLINE),
                Arguments.of("a free slot in the patient's time only in a full week", registry(spec("1000").max(1)
                        .weekly(weekly(DayOfWeek.TUESDAY, "19:00", "20:00"))), null, List.of(EVENINGS),
                        MatchingFailureReason.NONE_BEFORE_DEADLINE));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource
    void failures(String description, RegistrySnapshot registry, String language, List<PatientWindow> patientWindows,
            MatchingFailureReason expected) {
        TestBookings bookings = new TestBookings().load("1000", "2026-03-02", 1).load("1000", "2026-03-09", 1)
                .load("1000", "2026-03-16", 1).book("1000", "2026-03-03T09:00").book("1000", "2026-03-03T09:30")
                .book("1000", "2026-03-10T09:00").book("1000", "2026-03-10T09:30");

        MatchResult result = MATCHER.match(request().language(language).patient(patientWindows.toArray(PatientWindow[]::new)).build(),
                registry, bookings);

        assertThat(result.choice()).isEmpty();
        assertThat(result.failure()).contains(expected);
    }
}
