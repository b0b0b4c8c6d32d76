package nl.consilium.scheduling.domain.matching;

/** Why a specialist of the specialty was not a candidate, in the order the rules are applied. */
public enum Exclusion {
    /** The specialist is not active in the registry. */
    INACTIVE,
    /** Another specialty: never in a match's rationale, which lists only the specialists of the requested specialty. */
    OTHER_SPECIALTY,
    /** Shares an organisation with the treating specialist, or is the treating specialist. */
    NOT_INDEPENDENT,
    /** Does not speak the patient's language. */
    LANGUAGE,
    /** Every free slot before the deadline lies in a week in which he has reached his weekly maximum. */
    WEEKLY_MAXIMUM_REACHED,
    /** No free slot after the lead time and before the deadline (whatever the weekly load). */
    NO_SLOT_BEFORE_DEADLINE,
    /** Free slots before the deadline, within his weekly maximum, but none in the patient's availability. */
    NO_SLOT_IN_PATIENT_AVAILABILITY
}
