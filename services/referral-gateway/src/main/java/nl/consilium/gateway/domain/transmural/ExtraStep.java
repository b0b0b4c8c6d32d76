package nl.consilium.gateway.domain.transmural;

/** The extra step the agreement asks for in a row of the table, besides writing the letter. */
public enum ExtraStep {
    /** Row 1: the treating specialist discusses with the patient where the second opinion is sought. */
    SPECIALIST_DISCUSSES_WHERE("the treating specialist discusses where the second opinion is sought"),
    /** Row 2a: the patient discusses the second opinion with the treating specialist first. */
    PATIENT_DISCUSSES_WITH_SPECIALIST_FIRST("the patient discusses it with the treating specialist first"),
    /** Row 2b: the GP first consults the treating specialist. */
    GP_CONSULTS_TREATING_SPECIALIST_FIRST("the GP first consults the treating specialist"),
    /** Rows 2c and 3 (their consequences are the new referral and, in row 3, the copy), and undetermined. */
    NONE("");

    private final String text;

    ExtraStep(String text) {
        this.text = text;
    }

    /** What the step is, in words; empty for {@link #NONE}. */
    public String text() {
        return text;
    }
}
