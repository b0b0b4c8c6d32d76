package nl.consilium.scheduling.service;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.consilium.scheduling.domain.Organisation;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot;

/**
 * What one instance of the service matches against: the engine's immutable {@link RegistrySnapshot}
 * plus the organisations by name, to find the treating hospital's organisations. {@code revision} is
 * the {@code registry_revision} it was read at.
 *
 * @param organisationNames organisation id → name
 * @param organisationsByName normalised name or alias ({@link Organisation#normalise}) → organisation ids
 */
public record SchedulingSnapshot(long revision, RegistrySnapshot registry, Map<String, String> organisationNames,
        Map<String, Set<String>> organisationsByName) {

    public SchedulingSnapshot {
        Objects.requireNonNull(registry, "registry");
        organisationNames = Map.copyOf(organisationNames);
        organisationsByName = Map.copyOf(organisationsByName);
    }

    /**
     * The organisations a referral's treating hospital is, found by its name or one of its aliases
     * (case and spacing do not matter); none for a hospital the registry does not know. The engine adds
     * the organisations of the treating specialist when the registry knows his AGB code.
     */
    public Set<String> organisationsNamed(String treatingHospital) {
        if (treatingHospital == null || treatingHospital.isBlank()) {
            return Set.of();
        }
        return organisationsByName.getOrDefault(Organisation.normalise(treatingHospital), Set.of());
    }

    /** The specialist's name, or null for an unknown AGB code. */
    public String nameOf(String agb) {
        return registry.specialist(agb).map(p -> p.name()).orElse(null);
    }
}
