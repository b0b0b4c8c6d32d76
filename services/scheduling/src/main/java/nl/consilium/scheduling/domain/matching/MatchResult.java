package nl.consilium.scheduling.domain.matching;

import java.util.List;
import java.util.Optional;

import nl.consilium.events.scheduling.MatchingFailureReason;

/**
 * The outcome of a match: the choice, or the failure reason (exactly one is present); and the
 * rationale for every specialist of the specialty: first the candidates with a fitting slot, best
 * first (the chosen one first), then the excluded ones by AGB.
 */
public record MatchResult(Optional<Choice> choice, List<CandidateRationale> rationale,
        Optional<MatchingFailureReason> failure) {

    public MatchResult {
        rationale = List.copyOf(rationale);
    }
}
