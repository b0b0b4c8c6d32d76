package nl.consilium.consult.domain;

/** The service that holds a dossier document and serves its bytes. */
public enum DossierSource {
    /** The dossier the intake nurse collected ({@code DossierDocumentAdded}). */
    INTAKE
}
