package nl.consilium.intake.domain;

/** A change the case's current status does not allow, such as deciding a case twice. */
public class IllegalIntakeTransition extends RuntimeException {
    public IllegalIntakeTransition(String message) {
        super(message);
    }
}
