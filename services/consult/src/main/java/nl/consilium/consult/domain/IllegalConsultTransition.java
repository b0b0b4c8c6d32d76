package nl.consilium.consult.domain;

/** A change the consult's current status does not allow. */
public class IllegalConsultTransition extends RuntimeException {

    /** Why the change is refused. */
    public enum Reason {
        /** Question, patient, specialist or time is not known yet. */
        NOT_READY,
        /** The report is signed already. */
        REPORT_FINAL,
        /** There is no draft report to sign. */
        NO_DRAFT,
        /** The referral was cancelled. */
        CANCELLED
    }

    private final Reason reason;

    public IllegalConsultTransition(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
