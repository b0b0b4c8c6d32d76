package nl.consilium.intake.domain;

/** Whom the nurse asked for a document of the dossier. */
public enum DossierItemSource {
    TREATING_HOSPITAL,
    PATIENT,
    GP
}
