package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.chosenStart;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.exclusionOf;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.patient;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import nl.consilium.events.scheduling.MatchingFailureReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A slot must lie wholly within one of the patient's windows (Amsterdam wall clock); none given = any time. */
class PatientAvailabilityTest {

    /** The specialist works Monday–Friday 09:00–17:00; the request is made Monday 2 March 08:00. */
    static Stream<Arguments> patientWindows() {
        return Stream.of(
                Arguments.of("any time", new PatientWindow[] {}, "2026-03-03T09:00"),
                Arguments.of("Tuesday afternoons", new PatientWindow[] {patient(DayOfWeek.TUESDAY, "13:00", "17:00")},
                        "2026-03-03T13:00"),
                Arguments.of("a window not on the slot grid", new PatientWindow[] {patient(DayOfWeek.TUESDAY, "13:15", "17:00")},
                        "2026-03-03T13:30"),
                Arguments.of("too short for a slot on Wednesday, so Thursday",
                        new PatientWindow[] {patient(DayOfWeek.WEDNESDAY, "10:00", "10:20"), patient(DayOfWeek.THURSDAY, "16:30", "17:00")},
                        "2026-03-05T16:30"),
                Arguments.of("touching windows together hold a slot",
                        new PatientWindow[] {patient(DayOfWeek.WEDNESDAY, "10:15", "10:30"), patient(DayOfWeek.WEDNESDAY, "10:00", "10:15")},
                        "2026-03-04T10:00"),
                Arguments.of("Mondays only: not this Monday (lead time)", new PatientWindow[] {patient(DayOfWeek.MONDAY, "08:00", "18:00")},
                        "2026-03-09T09:00"),
                Arguments.of("evenings only", new PatientWindow[] {patient(DayOfWeek.TUESDAY, "18:00", "21:00")}, null),
                Arguments.of("weekends only", new PatientWindow[] {patient(DayOfWeek.SATURDAY, "09:00", "17:00")}, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void patientWindows(String description, PatientWindow[] windows, String expectedStart) {
        RegistrySnapshot registry = registry(spec("1000").weekly(weekly(DayOfWeek.MONDAY, "09:00", "17:00"),
                weekly(DayOfWeek.TUESDAY, "09:00", "17:00"), weekly(DayOfWeek.WEDNESDAY, "09:00", "17:00"),
                weekly(DayOfWeek.THURSDAY, "09:00", "17:00"), weekly(DayOfWeek.FRIDAY, "09:00", "17:00")));

        MatchResult result = MATCHER.match(request().patient(windows).build(), registry, Bookings.none());

        assertThat(chosenStart(result)).isEqualTo(expectedStart == null ? null : LocalDateTime.parse(expectedStart));
        if (expectedStart == null) {
            assertThat(exclusionOf(result, "1000")).isEqualTo(Exclusion.NO_SLOT_IN_PATIENT_AVAILABILITY);
            assertThat(result.failure()).contains(MatchingFailureReason.NONE_IN_PATIENT_AVAILABILITY);
        }
    }
}
