package nl.consilium.scheduling.domain.matching;

import java.util.Objects;
import java.util.Set;

/**
 * A specialist as the engine sees him: immutable. {@code specialty} is the registry's specialty code;
 * {@code organisations} the ids of the hospitals/practices he works for (independence); {@code languages}
 * ISO 639-1 codes; {@code maxConsultsPerWeek} the consults he takes per ISO week (Amsterdam).
 */
public record SpecialistProfile(String agb, String name, String specialty, Set<String> focusAreas,
        Set<String> organisations, Set<String> languages, int maxConsultsPerWeek, boolean active) {

    public SpecialistProfile {
        Objects.requireNonNull(agb, "agb");
        Objects.requireNonNull(specialty, "specialty");
        focusAreas = focusAreas == null ? Set.of() : Set.copyOf(focusAreas);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        if (maxConsultsPerWeek < 0) {
            throw new IllegalArgumentException("maxConsultsPerWeek must not be negative: " + maxConsultsPerWeek);
        }
    }
}
