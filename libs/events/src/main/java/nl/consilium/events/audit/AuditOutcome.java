package nl.consilium.events.audit;

/** Whether the audited access succeeded or was refused. */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILED
}
