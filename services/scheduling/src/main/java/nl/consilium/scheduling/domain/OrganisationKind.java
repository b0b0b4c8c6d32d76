package nl.consilium.scheduling.domain;

/** What kind of organisation a specialist works for or is affiliated with. */
public enum OrganisationKind {
    /** A hospital (ziekenhuis, UMC, ZBC). */
    HOSPITAL,
    /** A group of specialists (maatschap, medisch specialistisch bedrijf, vakgroep). */
    GROUP
}
