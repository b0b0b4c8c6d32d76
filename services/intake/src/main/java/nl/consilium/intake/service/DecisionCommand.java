package nl.consilium.intake.service;

import nl.consilium.events.intake.RejectionReason;

/**
 * The nurse's decision: suitable (the intake record supplies the rest) or not suitable with a reason from
 * the fixed list and free text ({@code OTHER} needs the text).
 */
public record DecisionCommand(boolean suitable, RejectionReason rejectionReason, String explanation) {

    /** Field names of the request, for the 422's {@code missing}. */
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String EXPLANATION = "explanation";
}
