package nl.consilium.consult.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a consult stands. The path: {@code AWAITING_INTAKE} / {@code AWAITING_BOOKING} (one of the two
 * events known) → {@code SCHEDULED} (both) → {@code DOSSIER_READ} → {@code IN_PROGRESS} →
 * {@code COMPLETED}; or {@code NO_SHOW} (booked again by scheduling: back to {@code SCHEDULED}); or
 * {@code CANCELLED}.
 */
public enum ConsultStatus {
    /** The booking is known, the intake (question, patient) has not arrived yet. */
    AWAITING_INTAKE,
    /** The intake is known, the booking (specialist, time) has not arrived yet. */
    AWAITING_BOOKING,
    /** Question, patient, specialist and time are known; the patient is invited; the specialist prepares. */
    SCHEDULED,
    /** The specialist confirmed having read the dossier. */
    DOSSIER_READ,
    /** The specialist started the video consult. */
    IN_PROGRESS,
    /** The consult took place and its report is final: {@code ConsultCompleted} went out. Final. */
    COMPLETED,
    /** The patient did not show up; scheduling books again (or the coordinator takes over). */
    NO_SHOW,
    /** The consult or the whole referral was cancelled before it was completed. Final. */
    CANCELLED;

    /** The states in which the consult is booked and has not taken place yet. */
    public static final Set<ConsultStatus> UPCOMING = EnumSet.of(SCHEDULED, DOSSIER_READ, IN_PROGRESS);

    /** No event and no command changes a consult in this state any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    public boolean isUpcoming() {
        return UPCOMING.contains(this);
    }
}
