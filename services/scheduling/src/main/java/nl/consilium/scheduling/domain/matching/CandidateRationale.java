package nl.consilium.scheduling.domain.matching;

import java.util.Optional;

/** One specialist of the specialty in a match: why he was excluded, or his best score. Exactly one is present. */
public record CandidateRationale(String specialistAgb, Optional<Exclusion> excludedBecause, Optional<Score> best) {
}
