package nl.consilium.calendar;

/** How the intake deadline's duration is counted. */
public enum IntakeMode {
    /** Real elapsed time, day and night, weekends and holidays: 24 hours are 24 hours, also across a DST change. */
    CLOCK_HOURS,
    /**
     * Only time inside the working hours (Amsterdam wall-clock) of working days; an arrival outside
     * them starts counting at the next opening.
     */
    WORKING_HOURS
}
