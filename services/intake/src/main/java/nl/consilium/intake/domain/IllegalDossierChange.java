package nl.consilium.intake.domain;

/** A change the dossier's rules do not allow; the service answers it as a 409 or 422 problem. */
public class IllegalDossierChange extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        /** The checklist item is received or not needed already. */
        ITEM_CLOSED,
        /** A checklist item of kind OTHER without a description. */
        DESCRIPTION_MISSING
    }

    private final Reason reason;

    public IllegalDossierChange(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
