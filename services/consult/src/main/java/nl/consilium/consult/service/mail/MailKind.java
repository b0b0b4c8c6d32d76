package nl.consilium.consult.service.mail;

/** The emails the patient gets about their video consult. */
public enum MailKind {
    /** The consult is booked: when, with whom, the join link, what to prepare. */
    INVITATION,
    /** The consult moved (time or specialist): the new time and the new link. */
    RESCHEDULED,
    /** The specialist asked for a new room: the same time, a new link. */
    NEW_LINK,
    /** The consult will not take place. */
    CANCELLED
}
