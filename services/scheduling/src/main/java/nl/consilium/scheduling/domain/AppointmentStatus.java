package nl.consilium.scheduling.domain;

/** Where a booked video consult stands. */
public enum AppointmentStatus {
    /** The slot is the referral's: the consult takes place then. */
    BOOKED,
    /** The referral was cancelled; the slot is free for another booking. Final. */
    CANCELLED
}
