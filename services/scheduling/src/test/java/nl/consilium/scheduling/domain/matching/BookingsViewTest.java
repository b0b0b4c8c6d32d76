package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.registry;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The engine reads the bookings through {@link Bookings#ofSpecialist}: an implementation's own view is used, once per specialist. */
class BookingsViewTest {

    @Test
    void anOverriddenViewIsAskedOncePerSpecialistAndDecides() {
        TestBookings stored = new TestBookings().book("1000", "2026-03-03T09:00").load("2000", "2026-03-03", 3);
        List<String> asked = new ArrayList<>();
        Bookings bookings = new Bookings() {
            @Override
            public boolean isTaken(String agb, Instant slotStart) {
                throw new AssertionError("the engine should use the view");
            }

            @Override
            public int consultsInWeek(String agb, LocalDate day) {
                throw new AssertionError("the engine should use the view");
            }

            @Override
            public OfSpecialist ofSpecialist(String agb) {
                asked.add(agb);
                return stored.ofSpecialist(agb);
            }
        };
        RegistrySnapshot registry = registry(spec("1000"), spec("2000"), spec("3000").inactive());

        MatchResult result = MATCHER.match(request().build(), registry, bookings);

        assertThat(result).isEqualTo(MATCHER.match(request().build(), registry, stored));
        assertThat(result.choice().orElseThrow().specialistAgb()).isEqualTo("2000");
        assertThat(asked).containsExactly("1000", "2000");
    }
}
