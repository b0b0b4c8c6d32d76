package nl.consilium.consult.domain;

/** A change the consult's (or its report's) current state does not allow. */
public class IllegalConsultTransition extends RuntimeException {

    /** Why the change is refused. */
    public enum Reason {
        /** The lifecycle does not go from the current state to the one asked for. */
        ILLEGAL_TRANSITION,
        /** Question, patient, specialist or time is not known yet. */
        NOT_READY,
        /** The report is signed already and cannot change. */
        REPORT_FINAL,
        /** There is no draft report to sign. */
        NO_DRAFT,
        /** The draft lacks what a signed report must have. */
        REPORT_INCOMPLETE,
        /** There is no final report yet (to complete the consult, or to add an addendum to). */
        NO_FINAL_REPORT,
        /** The consult or the referral was cancelled. */
        CANCELLED
    }

    private final Reason reason;
    private final ConsultStatus currentState;

    public IllegalConsultTransition(Reason reason, ConsultStatus currentState, String message) {
        super(message);
        this.reason = reason;
        this.currentState = currentState;
    }

    public Reason reason() {
        return reason;
    }

    public ConsultStatus currentState() {
        return currentState;
    }
}
