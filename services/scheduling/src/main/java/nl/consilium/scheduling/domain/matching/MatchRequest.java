package nl.consilium.scheduling.domain.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What to match: the referral's specialty, the optional focus area (preferred, not required), the
 * patient's language (ISO 639-1; null = any), the treating specialist and his organisations (the chosen
 * specialist must be independent of both), the patient's availability (empty = any time), the last day
 * of the consult (Amsterdam) and the current time (for the lead time).
 */
public record MatchRequest(UUID referralId, String specialty, String focusArea, String language,
        String treatingSpecialistAgb, Set<String> treatingOrganisations, List<PatientWindow> patientAvailability,
        LocalDate consultDueOn, Instant now) {

    public MatchRequest {
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(consultDueOn, "consultDueOn");
        Objects.requireNonNull(now, "now");
        treatingOrganisations = treatingOrganisations == null ? Set.of() : Set.copyOf(treatingOrganisations);
        patientAvailability = patientAvailability == null ? List.of() : List.copyOf(patientAvailability);
    }
}
