package nl.consilium.intake.domain;

/**
 * Where a checklist item stands: {@code REQUESTED} → {@code RECEIVED} when the document arrived, or
 * {@code REQUESTED} → {@code NOT_NEEDED} when the nurse decided the dossier can do without it. Both
 * are final.
 */
public enum DossierItemStatus {
    REQUESTED,
    RECEIVED,
    NOT_NEEDED
}
