package nl.consilium.scheduling.domain;

/** Who asked the coordinator to move or cancel a consult. */
public enum RequestedBy {
    PATIENT,
    SPECIALIST
}
