package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RegistrySnapshotTest {

    @Test
    void specialistsAreIndexedBySpecialtyInAgbOrder() {
        RegistrySnapshot registry = RegistrySnapshot.of(List.of(spec("3000").profile(), spec("1000").profile(),
                spec("2000").specialty("orthopaedics").profile()), Map.of("1000", spec("1000").availability()));

        assertThat(registry.size()).isEqualTo(3);
        assertThat(registry.specialistsOf("cardiology")).extracting(SpecialistProfile::agb).containsExactly("1000", "3000");
        assertThat(registry.specialistsOf("orthopaedics")).extracting(SpecialistProfile::agb).containsExactly("2000");
        assertThat(registry.specialistsOf("urology")).isEmpty();
        assertThat(registry.specialist("2000")).map(SpecialistProfile::specialty).contains("orthopaedics");
        assertThat(registry.specialist("4000")).isEmpty();
        assertThat(registry.availability("1000").weekly()).hasSize(5);
        assertThat(registry.availability("3000")).isEqualTo(Availability.none());
    }

    @Test
    void twoSpecialistsWithOneAgbAreRefused() {
        assertThatThrownBy(() -> RegistrySnapshot.of(List.of(spec("1000").profile(), spec("1000").specialty("urology").profile()),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    }

    @Test
    void anEmptyRegistryMatchesNobody() {
        MatchResult result = MatchingFixtures.MATCHER.match(MatchingFixtures.request().build(), RegistrySnapshot.empty(), Bookings.none());

        assertThat(result.rationale()).isEmpty();
        assertThat(result.failure()).contains(nl.consilium.events.scheduling.MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);
    }
}
