package nl.consilium.scheduling.domain.matching;

import java.util.List;

/**
 * Whether a coordinator's manual choice satisfies the rules, and every rule it breaks: each entry is
 * {@code "<Violation name>: <sentence>"}, e.g. {@code "NOT_INDEPENDENT: shares organisation(s) [umcu]
 * with the treating specialist"}. An {@link Violation#AFTER_DEADLINE} entry is listed also when the
 * deadline was overridden; the choice is then allowed when it is the only one ({@link #deadlineOverridden()}).
 */
public record CheckResult(boolean allowed, List<String> violations) {

    public CheckResult {
        violations = List.copyOf(violations);
    }

    /** Whether the result names this violation. */
    public boolean violates(Violation violation) {
        String prefix = violation.name() + ":";
        return violations.stream().anyMatch(v -> v.startsWith(prefix));
    }

    /** Allowed although the slot lies after the deadline: the override was needed (record it). */
    public boolean deadlineOverridden() {
        return allowed && violates(Violation.AFTER_DEADLINE);
    }
}
