package nl.consilium.consult.domain;

/** A report is a draft until its specialist signs it; signed, it is final and never changes. */
public enum ReportStatus {
    DRAFT,
    FINAL
}
