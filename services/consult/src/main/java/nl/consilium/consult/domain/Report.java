package nl.consilium.consult.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultReport;

/**
 * The specialist's report (gespreksverslag) of one consult: a draft the assigned specialist rewrites
 * ({@link #revise}) until they sign it ({@link #sign}); signed, it is final. The database holds it to
 * that too: a trigger refuses any update or delete of a final row. Corrections after signing are
 * {@link ReportAddendum}s.
 */
@Entity
@Table(name = "consult_report")
public class Report extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    /** The AGB code of the specialist who writes it. */
    @Column(name = "author_agb", nullable = false)
    private String authorAgb;

    @Column(name = "question")
    private String question;

    @Column(name = "findings")
    private String findings;

    @Enumerated(EnumType.STRING)
    @Column(name = "conclusion")
    private Conclusion conclusion;

    @Column(name = "recommendations")
    private String recommendations;

    @Column(name = "free_text")
    private String freeText;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The signer's token subject. */
    @Column(name = "signed_by")
    private String signedBy;

    @Column(name = "signed_by_name")
    private String signedByName;

    @Column(name = "signed_by_agb")
    private String signedByAgb;

    @Column(name = "signed_at")
    private Instant signedAt;

    protected Report() {
    }

    /** A new draft by the specialist with {@code authorAgb}; persist it. */
    public static Report draft(UUID referralId, String authorAgb, ReportContent content, Instant at) {
        Report report = new Report();
        report.referralId = Objects.requireNonNull(referralId, "referralId");
        report.authorAgb = Objects.requireNonNull(authorAgb, "authorAgb");
        report.status = ReportStatus.DRAFT;
        report.createdAt = Objects.requireNonNull(at, "at");
        report.write(content, at);
        return report;
    }

    /** Replaces the draft's content. */
    void revise(ReportContent content, Instant at, ConsultStatus consultState) {
        requireDraft(consultState);
        write(content, at);
    }

    /**
     * Signs the draft: it is final from now on.
     *
     * @param subject the signer's token subject
     * @param name the signer's name as it appears under the report
     */
    void sign(String subject, String name, String agb, Instant at, ConsultStatus consultState) {
        requireDraft(consultState);
        List<String> missing = content().missingForSignature();
        if (!missing.isEmpty()) {
            throw new IllegalConsultTransition(IllegalConsultTransition.Reason.REPORT_INCOMPLETE, consultState,
                    "A signed report needs " + String.join(", ", missing));
        }
        this.signedBy = Objects.requireNonNull(subject, "subject");
        this.signedByName = Objects.requireNonNull(name, "name");
        this.signedByAgb = agb;
        this.signedAt = Objects.requireNonNull(at, "at");
        this.updatedAt = at;
        this.status = ReportStatus.FINAL;
    }

    private void requireDraft(ConsultStatus consultState) {
        if (status == ReportStatus.FINAL) {
            throw new IllegalConsultTransition(IllegalConsultTransition.Reason.REPORT_FINAL, consultState,
                    "The report is signed and final; corrections are addenda");
        }
    }

    private void write(ReportContent content, Instant at) {
        Objects.requireNonNull(content, "content");
        this.question = content.question();
        this.findings = content.findings();
        this.conclusion = content.conclusion();
        this.recommendations = content.recommendations();
        this.freeText = content.freeText();
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public boolean isFinal() {
        return status == ReportStatus.FINAL;
    }

    public ReportContent content() {
        return new ReportContent(question, findings, conclusion, recommendations, freeText);
    }

    /** The signed report as events carry it: {@code signedBy} is the signer's name, as in v1. */
    public ConsultReport toEvent() {
        if (!isFinal()) {
            throw new IllegalStateException("Only a signed report goes out");
        }
        return new ConsultReport(question, findings, conclusion, recommendations, signedByName, signedAt, freeText,
                signedByName);
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public ReportStatus status() { return status; }
    public String authorAgb() { return authorAgb; }
    public String question() { return question; }
    public String findings() { return findings; }
    public Conclusion conclusion() { return conclusion; }
    public String recommendations() { return recommendations; }
    public String freeText() { return freeText; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String signedBy() { return signedBy; }
    public String signedByName() { return signedByName; }
    public String signedByAgb() { return signedByAgb; }
    public Instant signedAt() { return signedAt; }
}
