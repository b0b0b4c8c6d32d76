package nl.consilium.reporting.domain;

/** Where a referral stands as far as the GP is concerned, derived from the events read so far. */
public enum ReferralStatus {
    /** The gateway accepted the referral; the nurse's telephone intake is next. */
    RECEIVED,
    /**
     * The nurse found the referral suitable; the consult is being booked (also after matching failed:
     * the coordinator books by hand, and after the booked consult was cancelled).
     */
    INTAKE_COMPLETED,
    /**
     * The nurse found the referral not suitable for a digital second opinion; it ends here, with the
     * reason for the GP.
     */
    INTAKE_REJECTED,
    /**
     * A video consult with an independent specialist is booked. A consult cancelled by scheduling
     * (patient or specialist) takes the referral back to {@link #INTAKE_COMPLETED}, awaiting a new slot.
     */
    CONSULT_SCHEDULED,
    /**
     * The consult took place but no report came with it. Consult announces a consult only together
     * with its signed report today ({@code ConsultCompleted}), so a referral passes straight on to
     * {@link #REPORT_AVAILABLE} or {@link #REPORT_WITHHELD}; the step still has its own date in the
     * timeline ({@code CONSULTED}, at the consult's booked start).
     */
    CONSULTED,
    /** The consult took place and the signed report is there for the GP. */
    REPORT_AVAILABLE,
    /** The consult took place, but the patient objected to sharing the report with the GP. */
    REPORT_WITHHELD,
    /**
     * The referrer cancelled the referral before its report was final; it ends here, whatever else
     * had happened or arrives later. (A cancellation after the report was final leaves the report's
     * status; the cancellation still shows in the timeline.)
     */
    CANCELLED
}
