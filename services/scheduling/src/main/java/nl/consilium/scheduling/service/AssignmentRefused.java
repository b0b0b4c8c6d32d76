package nl.consilium.scheduling.service;

import java.util.List;

/**
 * A coordinator's choice of specialist and slot breaks the matching rules: answered 422
 * {@code assignment-refused} with every violation (each {@code "<RULE>: <sentence>"}).
 */
public class AssignmentRefused extends RuntimeException {

    private final List<String> violations;

    public AssignmentRefused(String detail, List<String> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
