package nl.consilium.events.scheduling;

/** Why no specialist and slot could be chosen for a referral. */
public enum MatchingFailureReason {
    /** No active, independent specialist of the treating doctor's specialty (who speaks the patient's language). */
    NO_INDEPENDENT_SPECIALIST,
    /** Independent specialists exist, but none has a free slot (within the weekly maximum) before the deadline. */
    NONE_BEFORE_DEADLINE,
    /** Free slots before the deadline exist, but none within the patient's stated availability. */
    NONE_IN_PATIENT_AVAILABILITY
}
