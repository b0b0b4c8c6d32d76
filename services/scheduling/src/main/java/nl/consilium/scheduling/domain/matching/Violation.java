package nl.consilium.scheduling.domain.matching;

/**
 * The rules a coordinator's manual choice can break ({@link Matcher#check}); each violation in a
 * {@link CheckResult} starts with the name of one of these, a colon and a sentence.
 */
public enum Violation {
    /** No specialist with that AGB code in the registry. */
    UNKNOWN_SPECIALIST,
    /** The specialist is inactive. */
    INACTIVE,
    /** The specialist has another specialty than the referral. */
    OTHER_SPECIALTY,
    /** The specialist is the treating specialist or shares an organisation with him. */
    NOT_INDEPENDENT,
    /** The specialist does not speak the patient's language. */
    LANGUAGE,
    /** The slot is not one of the specialist's slots: a non-working day, an absence, outside the windows, or off the slot grid. */
    NOT_IN_AVAILABILITY,
    /** The slot is booked already. */
    SLOT_TAKEN,
    /** The specialist has reached his weekly maximum in the slot's ISO week. */
    WEEKLY_MAXIMUM_REACHED,
    /** The slot starts before the lead time ends. */
    LEAD_TIME,
    /** The slot lies outside the patient's availability. */
    PATIENT_AVAILABILITY,
    /** The slot ends after the consult deadline; the only violation an explicit override allows. */
    AFTER_DEADLINE;

    /** The violation's text: this name, a colon, and the explanation. */
    String describe(String explanation) {
        return name() + ": " + explanation;
    }
}
