package nl.consilium.intake.domain;

/** What a checklist item of the dossier asks for; {@link #OTHER} needs a description. */
public enum DossierItemKind {
    DISCHARGE_LETTER,
    IMAGING_REPORT,
    LAB_RESULTS,
    OPERATION_REPORT,
    OUTPATIENT_LETTERS,
    OTHER
}
