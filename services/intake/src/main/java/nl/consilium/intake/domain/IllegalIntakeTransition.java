package nl.consilium.intake.domain;

/** A change the case's current status does not allow, such as deciding a case twice. */
public class IllegalIntakeTransition extends RuntimeException {

    /** Why the change is refused. */
    public enum Reason {
        /** The nurse decided the case already. */
        ALREADY_DECIDED,
        /** The referrer cancelled the referral. */
        CANCELLED
    }

    private final Reason reason;

    public IllegalIntakeTransition(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
