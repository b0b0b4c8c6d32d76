package nl.consilium.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed addendum to a final report (a correction or addition; the report itself never changes),
 * a row of {@code report_addendum}. One per sequence number: the same addendum read twice is kept once.
 * Medical content: shown only to a GP who may read the report; never logged.
 */
@Embeddable
public class ReportAddendum {

    @Column(name = "sequence", nullable = false)
    private int sequence;

    @Column(name = "text", nullable = false, columnDefinition = "text")
    private String text;

    @Column(name = "signed_by")
    private String signedBy;

    @Column(name = "signed_by_name")
    private String signedByName;

    @Column(name = "signed_at")
    private Instant signedAt;

    protected ReportAddendum() {
    }

    ReportAddendum(int sequence, String text, String signedBy, String signedByName, Instant signedAt) {
        this.sequence = sequence;
        this.text = Objects.requireNonNullElse(text, "");
        this.signedBy = signedBy;
        this.signedByName = signedByName;
        this.signedAt = signedAt;
    }

    public int sequence() { return sequence; }
    public String text() { return text; }
    public String signedBy() { return signedBy; }
    public String signedByName() { return signedByName; }
    public Instant signedAt() { return signedAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportAddendum that && sequence == that.sequence;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(sequence);
    }
}
