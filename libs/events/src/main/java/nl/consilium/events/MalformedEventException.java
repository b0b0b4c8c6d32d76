package nl.consilium.events;

/** A record on a topic that is not a valid event of a known type: a poison message. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
