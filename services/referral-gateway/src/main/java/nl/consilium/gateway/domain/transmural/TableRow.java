package nl.consilium.gateway.domain.transmural;

import java.util.Optional;

/** The rows of the transmural agreement table (DOMAIN.md §2), and what each one asks. */
public enum TableRow {
    ROW_1("1", LetterAuthor.TREATING_SPECIALIST, false, false, ExtraStep.SPECIALIST_DISCUSSES_WHERE,
            "the patient is under treatment, satisfied and stays in treatment"),
    ROW_2A("2a", LetterAuthor.TREATING_SPECIALIST, false, false, ExtraStep.PATIENT_DISCUSSES_WITH_SPECIALIST_FIRST,
            "the patient is under treatment and will return to the treating specialist, though not satisfied"),
    ROW_2B("2b", LetterAuthor.GP, false, false, ExtraStep.GP_CONSULTS_TREATING_SPECIALIST_FIRST,
            "the patient is under treatment, not satisfied, will not return, and agrees that the GP consults"
                    + " the treating specialist"),
    ROW_2C("2c", LetterAuthor.GP, true, false, ExtraStep.NONE,
            "the patient is under treatment, not satisfied, will not return, and does not agree that the GP"
                    + " consults the treating specialist"),
    ROW_3("3", LetterAuthor.GP, true, true, ExtraStep.NONE,
            "the patient is no longer under treatment and will not return"),
    /** The answers are missing or contradict each other: the intake nurse decides. */
    UNDETERMINED("undetermined", null, false, false, ExtraStep.NONE, "");

    private final String label;
    private final LetterAuthor author;
    private final boolean newReferral;
    private final boolean copyToFirstSpecialist;
    private final ExtraStep extraStep;
    private final String situation;

    TableRow(String label, LetterAuthor author, boolean newReferral, boolean copyToFirstSpecialist,
            ExtraStep extraStep, String situation) {
        this.label = label;
        this.author = author;
        this.newReferral = newReferral;
        this.copyToFirstSpecialist = copyToFirstSpecialist;
        this.extraStep = extraStep;
        this.situation = situation;
    }

    /** "1", "2a", "2b", "2c", "3" or "undetermined", as the table numbers them. */
    public String label() {
        return label;
    }

    public boolean isDetermined() {
        return this != UNDETERMINED;
    }

    /** Who should write the letter; empty when undetermined. */
    public Optional<LetterAuthor> expectedAuthor() {
        return Optional.ofNullable(author);
    }

    /** Whether the second opinion counts as a new referral (rows 2c and 3). */
    public boolean newReferral() {
        return newReferral;
    }

    /** Whether the GP sends a copy of the letter to the first specialist (row 3). */
    public boolean copyToFirstSpecialistRequired() {
        return copyToFirstSpecialist;
    }

    public ExtraStep extraStep() {
        return extraStep;
    }

    /** The situation of the row, in words, for reason texts; empty when undetermined. */
    public String situation() {
        return situation;
    }

    /** The row for a label as {@link #label()} gives it (case-insensitive), for reading stored values. */
    public static TableRow fromLabel(String label) {
        for (TableRow row : values()) {
            if (row.label.equalsIgnoreCase(label)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row of the transmural agreement table is labelled '" + label + "'");
    }
}
