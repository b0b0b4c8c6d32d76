package nl.consilium.intake.service;

import java.util.List;
import nl.consilium.intake.domain.IntakeStatus;

/**
 * Whether the case can be decided suitable now, and if not, which fields are missing (their API names).
 * A decided or cancelled case is not ready and misses nothing.
 */
public record DecisionReadiness(IntakeStatus status, boolean ready, List<String> missing) {
}
