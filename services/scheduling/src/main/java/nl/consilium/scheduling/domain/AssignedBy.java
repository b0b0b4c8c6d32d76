package nl.consilium.scheduling.domain;

/** Who chose the specialist and slot of a booking (ConsultScheduled.assignedBy). */
public enum AssignedBy {
    /** The matching rules. */
    MATCHING,
    /** A coordinator, by hand. */
    COORDINATOR
}
