package nl.consilium.scheduling.domain;

/** Where one booking of a slot stands. Only a {@code BOOKED} booking holds its slot. */
public enum AppointmentStatus {
    /** The slot is the referral's: the consult takes place then. */
    BOOKED,
    /** The consult moved to another slot (a newer booking of the same consult); this slot is free. Final. */
    RESCHEDULED,
    /** The consult was cancelled (by the patient, the specialist, or the referral's cancellation); the slot is free. Final. */
    CANCELLED,
    /**
     * The patient did not show up (consult's {@code ConsultNoShow}); the booking holds neither its slot
     * (in the past) nor the referral, which may be booked again. Final.
     */
    NO_SHOW
}
