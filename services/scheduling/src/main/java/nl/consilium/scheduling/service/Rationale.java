package nl.consilium.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.scheduling.domain.matching.Exclusion;
import nl.consilium.scheduling.domain.matching.Score;

/**
 * Why one matching run chose what it chose, stored as JSON per run ({@code matching_rationale}) and
 * shown to the coordinator: the input, every specialist of the specialty (candidates with a fitting
 * slot first, best first; then the excluded ones by AGB) with the exclusion or the best score, the
 * choice, and how many chosen slots concurrent bookings took first.
 */
public record Rationale(Input input, Chosen chosen, List<Candidate> candidates, int conflicts) {

    /** What was matched. {@code treatingOrganisations}: the organisation ids the treating hospital's name resolved to. */
    public record Input(String specialty, String focusArea, String language, String treatingHospital,
            String treatingSpecialistAgb, Set<String> treatingOrganisations, List<AvailabilityWindow> patientAvailability,
            LocalDate consultDueOn, Instant now, Set<String> excludedSlots) {
    }

    /** The booked choice; null when nothing was booked. */
    public record Chosen(String specialistAgb, String specialistName, Instant startsAt, Instant endsAt, ScoreView score) {
    }

    /** One specialist of the specialty: excluded (why) or a candidate (its best score). */
    public record Candidate(String specialistAgb, String name, Exclusion excludedBecause, ScoreView best) {
    }

    /** The score order: focus-area match, then the earlier slot, then the lower weekly load (then the AGB code). */
    public record ScoreView(boolean focusAreaMatch, Instant slotStart, int weeklyLoad) {
        static ScoreView of(Score score) {
            return score == null ? null : new ScoreView(score.focusAreaMatch(), score.slotStart(), score.weeklyLoad());
        }
    }
}
