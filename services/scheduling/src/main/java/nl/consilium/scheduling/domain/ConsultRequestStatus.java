package nl.consilium.scheduling.domain;

/** Where the scheduling of a suitable referral stands. */
public enum ConsultRequestStatus {
    /** A consult is booked (by matching or by a coordinator). */
    BOOKED,
    /** Matching found no specialist and slot by the rules (with a reason); on the coordinator's list. */
    MATCHING_FAILED,
    /**
     * Not booked for another reason; on the coordinator's list: requests of before issue 5, and
     * referrals whose every chosen slot was taken by concurrent bookings until the attempts ran out.
     */
    UNASSIGNED,
    /** The consult or the referral was cancelled; nothing is left to do. Final. */
    CANCELLED,
    /**
     * The patient did not show up a second time (or more): no automatic matching any more; on the
     * coordinator's list, who assigns a specialist and slot by hand (or the referral is cancelled).
     */
    REPEATED_NO_SHOW;

    /** Whether the case waits for a coordinator. */
    public boolean isOpen() {
        return this == MATCHING_FAILED || this == UNASSIGNED || this == REPEATED_NO_SHOW;
    }
}
