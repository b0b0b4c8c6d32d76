package nl.consilium.consult.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed correction or addition to a final report. Append-only (a trigger refuses updates and
 * deletes): the report and its addenda together are what was said, in order.
 */
@Entity
@Table(name = "consult_report_addendum")
public class ReportAddendum extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    /** 1 for the report's first addendum, 2 for the next, ... */
    @Column(name = "sequence", nullable = false)
    private int sequence;

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "signed_by", nullable = false)
    private String signedBy;

    @Column(name = "signed_by_name", nullable = false)
    private String signedByName;

    @Column(name = "signed_by_agb")
    private String signedByAgb;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    protected ReportAddendum() {
    }

    static ReportAddendum next(UUID referralId, int sequence, String text, String subject, String name, String agb,
            Instant at) {
        ReportAddendum addendum = new ReportAddendum();
        addendum.id = UUID.randomUUID();
        addendum.referralId = Objects.requireNonNull(referralId, "referralId");
        addendum.sequence = sequence;
        addendum.text = Objects.requireNonNull(text, "text");
        addendum.signedBy = Objects.requireNonNull(subject, "subject");
        addendum.signedByName = Objects.requireNonNull(name, "name");
        addendum.signedByAgb = agb;
        addendum.signedAt = Objects.requireNonNull(at, "at");
        return addendum;
    }

    /** The report's addenda, first first. */
    public static List<ReportAddendum> of(UUID referralId) {
        return list("referralId = ?1 order by sequence", referralId);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public int sequence() { return sequence; }
    public String text() { return text; }
    public String signedBy() { return signedBy; }
    public String signedByName() { return signedByName; }
    public String signedByAgb() { return signedByAgb; }
    public Instant signedAt() { return signedAt; }
}
