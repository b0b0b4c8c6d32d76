package nl.consilium.scheduling.domain;

/** Where a consult request that could not be booked automatically stands. */
public enum ConsultRequestStatus {
    /** No specialist could be booked; the coordinator has to assign one. */
    UNASSIGNED,
    /** The referral was cancelled before anyone was assigned; nothing is left to do. Final. */
    CANCELLED
}
