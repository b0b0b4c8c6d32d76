package nl.consilium.gateway.domain;

/** Where a referral stands at the gateway. */
public enum ReferralStatus {
    /** Documents of the referral arrived, but not its appointment request: nothing is announced yet. */
    AWAITING_APPOINTMENT_REQUEST,
    /** The appointment request arrived: the referral is announced and goes to intake. */
    RECEIVED,
    /** The referrer cancelled it; later documents are kept but change nothing. */
    CANCELLED
}
