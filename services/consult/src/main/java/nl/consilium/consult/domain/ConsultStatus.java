package nl.consilium.consult.domain;

/** Where a consult stands. */
public enum ConsultStatus {
    /** The booking is known, the intake (question, patient) has not arrived yet. */
    AWAITING_INTAKE,
    /** The intake is known, the booking (specialist, time) has not arrived yet. */
    AWAITING_BOOKING,
    /** Question, patient, specialist and time are known: the specialist can prepare and hold the consult. */
    SCHEDULED,
    /** The specialist saved a report that is not signed yet. */
    REPORT_DRAFTED,
    /** The report is signed and final. */
    COMPLETED,
    /**
     * The referrer cancelled the referral before the report was final: no report will be drafted or
     * signed, and later intake or booking events do not bring the consult back. Final.
     */
    CANCELLED
}
