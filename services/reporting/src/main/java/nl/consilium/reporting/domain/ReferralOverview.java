package nl.consilium.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.scheduling.ConsultScheduled;

/**
 * What reporting knows of one referral, assembled from the events of every service. The events of
 * one referral travel on different topics and can arrive in any order, so every {@code record...}
 * method only adds what its event knows and the status is derived from everything known so far.
 * The referring GP's AGB code comes from whichever event carrying it arrives first.
 */
@Entity
@Table(name = "referral_overview")
public class ReferralOverview extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "referrer_agb")
    private String referrerAgb;

    @Column(name = "zorgdomein_number")
    private String zorgDomeinNumber;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "intake_completed_at")
    private Instant intakeCompletedAt;

    @Column(name = "consult_due_on")
    private LocalDate consultDueOn;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "specialist_agb")
    private String specialistAgb;

    @Column(name = "specialist_name")
    private String specialistName;

    @Column(name = "consult_starts_at")
    private Instant consultStartsAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "report_question")
    private String reportQuestion;

    @Column(name = "report_findings", columnDefinition = "text")
    private String reportFindings;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_conclusion")
    private Conclusion reportConclusion;

    @Column(name = "report_recommendations", columnDefinition = "text")
    private String reportRecommendations;

    @Column(name = "report_signed_by")
    private String reportSignedBy;

    @Column(name = "report_signed_at")
    private Instant reportSignedAt;

    @Column(name = "patient_objects_to_gp_report", nullable = false)
    private boolean patientObjectsToGpReport;

    @Column(name = "objection_recorded_at")
    private Instant objectionRecordedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    @Column(name = "cancellation_reason_text", columnDefinition = "text")
    private String cancellationReasonText;

    @Column(name = "intake_rejected_at")
    private Instant intakeRejectedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "intake_rejection_reason")
    private RejectionReason intakeRejectionReason;

    @Column(name = "intake_rejection_explanation")
    private String intakeRejectionExplanation;

    @Column(name = "intake_overdue_at")
    private Instant intakeOverdueAt;

    @Column(name = "intake_due_at")
    private Instant intakeDueAt;

    protected ReferralOverview() {
    }

    /** The overview of a referral reporting has not heard of before, whichever event came first. */
    public static ReferralOverview start(UUID referralId, UUID patientId) {
        ReferralOverview overview = new ReferralOverview();
        overview.referralId = Objects.requireNonNull(referralId, "referralId");
        overview.patientId = Objects.requireNonNull(patientId, "patientId");
        overview.status = ReferralStatus.RECEIVED;
        return overview;
    }

    /** The gateway accepted the referral. */
    public void recordReceived(ReferralReceived referral) {
        requireSameReferral(referral.referralId());
        this.zorgDomeinNumber = referral.zorgDomeinNumber();
        this.receivedAt = referral.receivedAt();
        if (referral.referrer() != null) {
            knowReferrer(referral.referrer().agb());
        }
        deriveStatus();
    }

    /** The nurse found the referral suitable; the consult is due by {@code consultDueOn}. */
    public void recordIntakeCompleted(IntakeCompleted intake) {
        requireSameReferral(intake.referralId());
        this.intakeCompletedAt = intake.completedAt();
        this.consultDueOn = intake.consultDueOn();
        knowReferrer(intake.referrerAgb());
        if (intake.patientObjectsToGpReport()) {
            recordObjection(intake.completedAt());
        }
        deriveStatus();
    }

    /**
     * The nurse found the referral not suitable: the referral ends here for the GP, with the reason
     * and the nurse's explanation. The first decision counts (intake decides once).
     */
    public void recordIntakeRejected(IntakeRejected rejection) {
        requireSameReferral(rejection.referralId());
        if (intakeRejectedAt != null) {
            return;
        }
        this.intakeRejectedAt = Objects.requireNonNull(rejection.rejectedAt(), "rejectedAt");
        this.intakeRejectionReason = rejection.reason();
        this.intakeRejectionExplanation = rejection.explanation();
        knowReferrer(rejection.referrerAgb());
        deriveStatus();
    }

    /** The intake was not done by its deadline (for the organisation's insight; the GP's status is unchanged). */
    public void recordIntakeOverdue(IntakeOverdue overdue) {
        requireSameReferral(overdue.referralId());
        if (intakeOverdueAt == null) {
            this.intakeOverdueAt = Objects.requireNonNull(overdue.detectedAt(), "detectedAt");
            this.intakeDueAt = overdue.intakeDueAt();
        }
    }

    /**
     * A consult was booked ({@code scheduledAt}: when). A later booking of the same referral (on the
     * same topic, so in order) replaces an earlier one.
     */
    public void recordScheduled(ConsultScheduled booking, Instant scheduledAt) {
        requireSameReferral(booking.referralId());
        this.scheduledAt = scheduledAt;
        this.specialistAgb = booking.specialistAgb();
        this.specialistName = booking.specialistName();
        this.consultStartsAt = booking.startsAt();
        deriveStatus();
    }

    /** The consult took place and its report is final. */
    public void recordCompleted(ConsultCompleted consult) {
        requireSameReferral(consult.referralId());
        this.completedAt = consult.completedAt();
        knowReferrer(consult.referrerAgb());
        ConsultReport report = consult.report();
        if (report != null) {
            this.reportQuestion = report.question();
            this.reportFindings = report.findings();
            this.reportConclusion = report.conclusion();
            this.reportRecommendations = report.recommendations();
            this.reportSignedBy = report.signedBy();
            this.reportSignedAt = report.signedAt();
        }
        if (consult.patientObjectsToGpReport()) {
            recordObjection(consult.completedAt());
        }
        deriveStatus();
    }

    /**
     * The referrer cancelled the referral: when the gateway received it, and ZorgDomein's reason. The
     * status is {@code CANCELLED} from now on, whatever arrives later, unless the report was (or
     * turns out to have been) final already. The first cancellation counts.
     */
    public void recordCancelled(ReferralCancelled cancellation) {
        requireSameReferral(cancellation.referralId());
        if (cancelledAt != null) {
            return;
        }
        this.cancelledAt = Objects.requireNonNull(cancellation.cancelledAt(), "cancelledAt");
        this.cancellationReasonCode = cancellation.reasonCode();
        this.cancellationReasonText = cancellation.reasonText();
        if (zorgDomeinNumber == null) {
            this.zorgDomeinNumber = cancellation.zorgDomeinNumber();
        }
        deriveStatus();
    }

    /**
     * An objection is never lifted by an event that does not mention it: whichever service recorded
     * it, the report stays with the patient (privacy first; lifting one is not in the contract yet).
     */
    private void recordObjection(Instant at) {
        if (!patientObjectsToGpReport) {
            this.patientObjectsToGpReport = true;
            this.objectionRecordedAt = at;
        }
    }

    private void knowReferrer(String agb) {
        if (referrerAgb == null && agb != null && !agb.isBlank()) {
            this.referrerAgb = agb;
        }
    }

    private void requireSameReferral(UUID id) {
        if (!referralId.equals(id)) {
            throw new IllegalArgumentException("An event of another referral");
        }
    }

    /**
     * The status from everything known, whatever order it arrived in: a final report first (it was
     * signed and sent, a cancellation cannot take it back), then a cancellation, then the furthest step.
     */
    private void deriveStatus() {
        if (completedAt != null) {
            status = patientObjectsToGpReport ? ReferralStatus.REPORT_WITHHELD : ReferralStatus.REPORT_AVAILABLE;
        } else if (cancelledAt != null) {
            status = ReferralStatus.CANCELLED;
        } else if (intakeRejectedAt != null) {
            status = ReferralStatus.INTAKE_REJECTED;
        } else if (consultStartsAt != null) {
            status = ReferralStatus.CONSULT_SCHEDULED;
        } else if (intakeCompletedAt != null) {
            status = ReferralStatus.INTAKE_COMPLETED;
        } else {
            status = ReferralStatus.RECEIVED;
        }
    }

    /** Whether this referral belongs to the GP with AGB code {@code agb}. */
    public boolean isReferredBy(String agb) {
        return referrerAgb != null && referrerAgb.equals(agb);
    }

    /** The final report exists (whether or not the GP may read it). */
    public boolean hasFinalReport() {
        return completedAt != null && reportConclusion != null;
    }

    /** The steps known so far, in the order they happened. */
    public List<Milestone> timeline() {
        List<Milestone> steps = new ArrayList<>();
        if (receivedAt != null) {
            steps.add(new Milestone(ReferralStatus.RECEIVED, receivedAt));
        }
        if (intakeCompletedAt != null) {
            steps.add(new Milestone(ReferralStatus.INTAKE_COMPLETED, intakeCompletedAt));
        }
        if (intakeRejectedAt != null) {
            steps.add(new Milestone(ReferralStatus.INTAKE_REJECTED, intakeRejectedAt));
        }
        if (scheduledAt != null) {
            steps.add(new Milestone(ReferralStatus.CONSULT_SCHEDULED, scheduledAt));
        }
        if (completedAt != null) {
            steps.add(new Milestone(patientObjectsToGpReport ? ReferralStatus.REPORT_WITHHELD
                    : ReferralStatus.REPORT_AVAILABLE, completedAt));
        }
        if (cancelledAt != null) {
            steps.add(new Milestone(ReferralStatus.CANCELLED, cancelledAt));
        }
        steps.sort(Comparator.comparing(Milestone::at).thenComparing(Milestone::milestone));
        return List.copyOf(steps);
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public ReferralStatus status() { return status; }
    public UUID patientId() { return patientId; }
    public String referrerAgb() { return referrerAgb; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }
    public Instant receivedAt() { return receivedAt; }
    public Instant intakeCompletedAt() { return intakeCompletedAt; }
    public LocalDate consultDueOn() { return consultDueOn; }
    public Instant scheduledAt() { return scheduledAt; }
    public String specialistAgb() { return specialistAgb; }
    public String specialistName() { return specialistName; }
    public Instant consultStartsAt() { return consultStartsAt; }
    public Instant completedAt() { return completedAt; }
    public String reportQuestion() { return reportQuestion; }
    public String reportFindings() { return reportFindings; }
    public Conclusion reportConclusion() { return reportConclusion; }
    public String reportRecommendations() { return reportRecommendations; }
    public String reportSignedBy() { return reportSignedBy; }
    public Instant reportSignedAt() { return reportSignedAt; }
    public boolean patientObjectsToGpReport() { return patientObjectsToGpReport; }
    public Instant objectionRecordedAt() { return objectionRecordedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancellationReasonCode() { return cancellationReasonCode; }
    public String cancellationReasonText() { return cancellationReasonText; }
    public Instant intakeRejectedAt() { return intakeRejectedAt; }
    public RejectionReason intakeRejectionReason() { return intakeRejectionReason; }
    public String intakeRejectionExplanation() { return intakeRejectionExplanation; }
    public Instant intakeOverdueAt() { return intakeOverdueAt; }
    public Instant intakeDueAt() { return intakeDueAt; }
}
