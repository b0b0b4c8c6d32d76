package nl.consilium.scheduling.domain;

/** Why a consult was cancelled (ConsultCancelled.cancelledBy). */
public enum CancelledBy {
    /** At the patient's request, by a coordinator. */
    PATIENT,
    /** At the specialist's request, by a coordinator. */
    SPECIALIST,
    /** The referrer cancelled the referral (ReferralCancelled). */
    REFERRAL_CANCELLED;

    public static CancelledBy of(RequestedBy requestedBy) {
        return requestedBy == RequestedBy.PATIENT ? PATIENT : SPECIALIST;
    }
}
