package nl.consilium.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.QuestionnaireAnswers;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.referral.TransmuralAgreementAssessment;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;

/**
 * What reporting knows of one referral, assembled from the events of every service. The events of
 * one referral travel on different topics and can arrive in any order across them (each topic keeps
 * its own order), so every {@code record...} method only adds what its event knows, a value that
 * more than one topic carries is combined so that the order does not matter (the earliest instant,
 * the latest statement of the objection by its time, the referral's own facts before copies), and
 * the status is derived from everything known so far. That is also what makes a rebuild from the
 * topics equal the live row.
 *
 * <p>Holds the patient's name and birth date (from the referral, for the GP's report letter): they
 * never go into logs, metrics or exception messages.
 */
@Entity
@Table(name = "referral_overview")
public class ReferralOverview extends PanacheEntityBase {

    /** The intake promise: within 24 hours of the referral, unless the intake event names its own deadline. */
    public static final Duration INTAKE_PROMISE = Duration.ofHours(24);

    /** Consult's ConsultCancelled.cancelledBy when the referral itself was withdrawn. */
    static final String CANCELLED_WITH_REFERRAL = "REFERRAL_CANCELLED";

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT)
            .withZone(AMSTERDAM);

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

    @Column(name = "patient_name")
    private String patientName;

    @Column(name = "patient_birth_date")
    private LocalDate patientBirthDate;

    @Column(name = "referrer_agb")
    private String referrerAgb;

    @Column(name = "referrer_name")
    private String referrerName;

    @Column(name = "referrer_organisation")
    private String referrerOrganisation;

    @Column(name = "zorgdomein_number")
    private String zorgDomeinNumber;

    @Column(name = "treating_specialty")
    private String treatingSpecialty;

    @Column(name = "requested_specialty")
    private String requestedSpecialty;

    @Column(name = "consult_specialty")
    private String consultSpecialty;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "letter_received_at")
    private Instant letterReceivedAt;

    @Column(name = "questionnaire_received_at")
    private Instant questionnaireReceivedAt;

    @Column(name = "transmural_situation")
    private String transmuralSituation;

    @Column(name = "copy_to_first_specialist_required")
    private Boolean copyToFirstSpecialistRequired;

    /** Whether the intake nurse confirmed the GP's copy to the first specialist; null: not recorded. */
    @Column(name = "copy_to_first_specialist_confirmed")
    private Boolean copyToFirstSpecialistConfirmed;

    @Column(name = "intake_completed_at")
    private Instant intakeCompletedAt;

    @Column(name = "intake_reasons")
    private String intakeReasons;

    @Column(name = "intake_due_at")
    private Instant intakeDueAt;

    @Column(name = "intake_overdue_at")
    private Instant intakeOverdueAt;

    @Column(name = "intake_rejected_at")
    private Instant intakeRejectedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "intake_rejection_reason")
    private RejectionReason intakeRejectionReason;

    @Column(name = "intake_rejection_explanation")
    private String intakeRejectionExplanation;

    @Column(name = "consult_due_on")
    private LocalDate consultDueOn;

    @Column(name = "first_scheduled_at")
    private Instant firstScheduledAt;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "consult_id")
    private UUID consultId;

    @Column(name = "specialist_agb")
    private String specialistAgb;

    @Column(name = "specialist_name")
    private String specialistName;

    @Column(name = "consult_starts_at")
    private Instant consultStartsAt;

    @Column(name = "consult_ends_at")
    private Instant consultEndsAt;

    @Column(name = "consult_assigned_by")
    private String consultAssignedBy;

    @Column(name = "consult_deadline_overridden", nullable = false)
    private boolean consultDeadlineOverridden;

    @Column(name = "consult_cancelled_with_referral", nullable = false)
    private boolean consultCancelledWithReferral;

    @Column(name = "matching_failed_at")
    private Instant matchingFailedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "matching_failure_reason")
    private MatchingFailureReason matchingFailureReason;

    @Column(name = "awaiting_manual_planning", nullable = false)
    private boolean awaitingManualPlanning;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "report_specialist_agb")
    private String reportSpecialistAgb;

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

    @Column(name = "report_signed_by_name")
    private String reportSignedByName;

    @Column(name = "report_free_text", columnDefinition = "text")
    private String reportFreeText;

    /** Derived: whether the report is withheld from the GP (see {@link #deriveObjection()}). */
    @Column(name = "patient_objects_to_gp_report", nullable = false)
    private boolean patientObjectsToGpReport;

    /** Derived: when the objection in force was recorded; null without one. */
    @Column(name = "objection_recorded_at")
    private Instant objectionRecordedAt;

    /** Intake's latest statement of the objection (IntakeCompleted, PatientObjectionChanged); null before any. */
    @Column(name = "intake_objection")
    private Boolean intakeObjection;

    @Column(name = "intake_objection_at")
    private Instant intakeObjectionAt;

    /** Consult's latest copy of the objection (ConsultCompleted, ConsultReportAmended); null before any. */
    @Column(name = "consult_objection")
    private Boolean consultObjection;

    @Column(name = "consult_objection_at")
    private Instant consultObjectionAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    @Column(name = "cancellation_reason_text", columnDefinition = "text")
    private String cancellationReasonText;

    /** The steps that can happen more than once: bookings, moves and cancellations of the consult. */
    @ElementCollection
    @CollectionTable(name = "referral_timeline_entry", joinColumns = @JoinColumn(name = "referral_id"))
    private Set<TimelineRecord> history = new HashSet<>();

    /** The signed addenda to the final report, one per sequence number. */
    @ElementCollection
    @CollectionTable(name = "report_addendum", joinColumns = @JoinColumn(name = "referral_id"))
    private Set<ReportAddendum> addenda = new HashSet<>();

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

    // ---------------------------------------------------------------- consilium.referral

    /**
     * The gateway accepted the referral. Its referrer and patient are the referral's own, so they
     * take precedence over the copies other services' events carry, whichever arrived first.
     */
    public void recordReceived(ReferralReceived referral) {
        requireSameReferral(referral.referralId());
        this.zorgDomeinNumber = referral.zorgDomeinNumber();
        this.receivedAt = referral.receivedAt();
        this.treatingSpecialty = referral.treatingSpecialty();
        if (referral.referrer() != null) {
            if (present(referral.referrer().agb())) {
                this.referrerAgb = referral.referrer().agb();
            }
            this.referrerName = referral.referrer().name();
            this.referrerOrganisation = referral.referrer().organisation();
        }
        if (referral.patient() != null) {
            this.patientName = referral.patient().name();
            this.patientBirthDate = referral.patient().birthDate();
        }
        deriveStatus();
    }

    /** The referral letter arrived; the first letter counts for the timeline. */
    public void recordLetterReceived(ReferralLetterReceived letter) {
        requireSameReferral(letter.referralId());
        this.letterReceivedAt = earliest(letterReceivedAt, letter.receivedAt());
    }

    /**
     * More information arrived. A questionnaire carries the transmural-agreement assessment: whether
     * the GP must send a copy of the referral letter to the first specialist. A later questionnaire
     * (same topic, so in order) replaces an earlier one; a supplement changes nothing shown here.
     */
    public void recordSupplemented(ReferralSupplemented supplement) {
        requireSameReferral(supplement.referralId());
        QuestionnaireAnswers answers = supplement.questionnaire();
        if (!ReferralSupplemented.QUESTIONNAIRE.equals(supplement.documentType()) || answers == null) {
            return;
        }
        this.questionnaireReceivedAt = supplement.receivedAt();
        TransmuralAgreementAssessment assessment = answers.transmuralAgreement();
        this.transmuralSituation = assessment == null ? null : assessment.situation();
        this.copyToFirstSpecialistRequired = assessment == null ? null : assessment.copyToFirstSpecialistRequired();
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

    // ---------------------------------------------------------------- consilium.intake

    /** The nurse found the referral suitable; the consult is due by {@code consultDueOn}. */
    public void recordIntakeCompleted(IntakeCompleted intake) {
        requireSameReferral(intake.referralId());
        this.intakeCompletedAt = intake.completedAt();
        this.consultDueOn = intake.consultDueOn();
        this.requestedSpecialty = intake.specialty();
        this.intakeReasons = intake.reasons() == null ? null : intake.reasons().stream()
                .filter(Objects::nonNull).map(IntakeReason::current).distinct().sorted()
                .map(Enum::name).collect(Collectors.joining(","));
        if (intake.intakeDueAt() != null) {
            this.intakeDueAt = intake.intakeDueAt();
        }
        if (intake.firstSpecialistCopyConfirmed() != null) {
            this.copyToFirstSpecialistConfirmed = intake.firstSpecialistCopyConfirmed();
        }
        knowReferrer(intake.referrerAgb());
        knowPatient(intake.patient());
        intakeStatesObjection(intake.patientObjectsToGpReport(), intake.completedAt());
        deriveStatus();
    }

    /**
     * The patient's objection changed after the intake (recorded by the nurse): the latest of intake's
     * statements is in force, so an objection can now also be lifted.
     */
    public void recordObjectionChanged(PatientObjectionChanged change) {
        requireSameReferral(change.referralId());
        intakeStatesObjection(change.objects(), change.changedAt());
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
        this.intakeOverdueAt = earliest(intakeOverdueAt, Objects.requireNonNull(overdue.detectedAt(), "detectedAt"));
        if (intakeDueAt == null) {
            this.intakeDueAt = overdue.intakeDueAt();
        }
    }

    // ---------------------------------------------------------------- consilium.scheduling

    /**
     * A consult was booked ({@code bookedAt}: when). A later booking of the same referral (on the
     * same topic, so in order) replaces an earlier one; each booking stays in the timeline.
     */
    public void recordScheduled(ConsultScheduled booking, Instant bookedAt) {
        requireSameReferral(booking.referralId());
        Objects.requireNonNull(bookedAt, "bookedAt");
        this.scheduledAt = bookedAt;
        this.firstScheduledAt = earliest(firstScheduledAt, bookedAt);
        this.consultId = booking.consultId();
        this.specialistAgb = booking.specialistAgb();
        this.specialistName = booking.specialistName();
        this.consultSpecialty = present(booking.specialty()) ? booking.specialty() : consultSpecialty;
        this.consultStartsAt = booking.startsAt();
        this.consultEndsAt = booking.endsAt();
        this.consultAssignedBy = booking.assignedBy();
        this.consultDeadlineOverridden = booking.deadlineOverridden();
        this.awaitingManualPlanning = false;
        history.add(new TimelineRecord(TimelineMilestone.CONSULT_SCHEDULED, bookedAt,
                join(booking.specialistName(), when(booking.startsAt()))));
        if (missed(consultStartsAt)) {
            clearBooking();
        }
        deriveStatus();
    }

    /** The booked consult moved to another slot (and maybe specialist); the new slot is the booking now. */
    public void recordRescheduled(ConsultRescheduled move, Instant fallbackAt) {
        requireSameReferral(move.referralId());
        Instant at = move.rescheduledAt() != null ? move.rescheduledAt() : Objects.requireNonNull(fallbackAt);
        this.scheduledAt = at;
        this.firstScheduledAt = earliest(firstScheduledAt, at);
        if (move.consultId() != null) {
            this.consultId = move.consultId();
        }
        this.specialistAgb = move.specialistAgb();
        this.specialistName = move.specialistName();
        this.consultSpecialty = present(move.specialty()) ? move.specialty() : consultSpecialty;
        this.consultStartsAt = move.startsAt();
        this.consultEndsAt = move.endsAt();
        this.awaitingManualPlanning = false;
        history.add(new TimelineRecord(TimelineMilestone.CONSULT_RESCHEDULED, at,
                join("from " + when(move.previousStartsAt()) + " to " + when(move.startsAt()),
                        move.specialistName(), requestedBy(move.requestedBy()))));
        if (missed(consultStartsAt)) {
            clearBooking();
        }
        deriveStatus();
    }

    /**
     * The booked consult was cancelled and its slot freed. Cancelled by the patient or the specialist,
     * the referral is back to "intake completed", awaiting a new slot; cancelled because the referral
     * itself was withdrawn, it is cancelled (the referral's own cancellation brings the reason). A
     * cancellation of another consult than the one booked now only joins the timeline.
     */
    public void recordConsultCancelled(ConsultCancelled cancellation, Instant fallbackAt) {
        requireSameReferral(cancellation.referralId());
        Instant at = cancellation.cancelledAt() != null ? cancellation.cancelledAt()
                : Objects.requireNonNull(fallbackAt);
        boolean withReferral = CANCELLED_WITH_REFERRAL.equals(cancellation.cancelledBy());
        if (withReferral) {
            this.consultCancelledWithReferral = true;
        }
        if (consultId == null || cancellation.consultId() == null || consultId.equals(cancellation.consultId())) {
            clearBooking();
        }
        history.add(new TimelineRecord(TimelineMilestone.CONSULT_CANCELLED, at,
                join("consult of " + when(cancellation.startsAt()),
                        withReferral ? "because the referral was cancelled" : requestedBy(cancellation.cancelledBy()))));
        deriveStatus();
    }

    /**
     * Scheduling could not plan the consult by its rules; a coordinator books by hand. The GP's
     * status stays "intake completed"; the organisation sees the case waiting.
     */
    public void recordMatchingFailed(MatchingFailed failure, Instant fallbackAt) {
        requireSameReferral(failure.referralId());
        this.matchingFailedAt = failure.failedAt() != null ? failure.failedAt() : Objects.requireNonNull(fallbackAt);
        this.matchingFailureReason = failure.reason();
        this.awaitingManualPlanning = true;
        if (consultSpecialty == null && present(failure.specialty())) {
            this.consultSpecialty = failure.specialty();
        }
    }

    // ---------------------------------------------------------------- consilium.consult

    /** The consult took place and its report is final. */
    public void recordCompleted(ConsultCompleted consult) {
        requireSameReferral(consult.referralId());
        this.completedAt = consult.completedAt();
        this.reportSpecialistAgb = consult.specialistAgb();
        knowReferrer(consult.referrerAgb());
        ConsultReport report = consult.report();
        if (report != null) {
            this.reportQuestion = report.question();
            this.reportFindings = report.findings();
            this.reportConclusion = report.conclusion();
            this.reportRecommendations = report.recommendations();
            this.reportSignedBy = report.signedBy();
            this.reportSignedAt = report.signedAt();
            this.reportSignedByName = report.signedByName();
            this.reportFreeText = report.freeText();
        }
        consultCopiesObjection(consult.patientObjectsToGpReport(), consult.completedAt());
        deriveStatus();
    }

    /** A signed addendum to the final report (consult topic, after its ConsultCompleted). */
    public void recordAmended(ConsultReportAmended addendum) {
        requireSameReferral(addendum.referralId());
        addenda.add(new ReportAddendum(addendum.sequence(), addendum.text(), addendum.signedBy(),
                addendum.signedByName(), addendum.signedAt()));
        knowReferrer(addendum.referrerAgb());
        consultCopiesObjection(addendum.patientObjectsToGpReport(), addendum.signedAt());
        deriveStatus();
    }

    /**
     * The patient did not show up. The missed slot is no booking any more (scheduling plans a new one,
     * or hands the case to a coordinator): the referral is back to "intake completed" unless the
     * booking in force is another slot already (scheduling's new booking was read first). The slot
     * is remembered, so that its booking, read after this (another topic), is not taken as in force.
     */
    public void recordNoShow(ConsultNoShow noShow, Instant fallbackAt) {
        requireSameReferral(noShow.referralId());
        Instant at = noShow.recordedAt() != null ? noShow.recordedAt() : Objects.requireNonNull(fallbackAt);
        history.add(new TimelineRecord(TimelineMilestone.CONSULT_NO_SHOW, at,
                join("consult of " + when(noShow.startsAt()), "the patient did not show up"
                        + (noShow.noShows() > 1 ? " (" + noShow.noShows() + " times)" : "")), noShow.startsAt()));
        if (missed(consultStartsAt)) {
            clearBooking();
        }
        deriveStatus();
    }

    /** Whether the patient did not show up for a consult starting then. */
    private boolean missed(Instant startsAt) {
        Instant slot = TimelineRecord.micros(startsAt);
        return slot != null && history.stream().anyMatch(record ->
                record.milestone() == TimelineMilestone.CONSULT_NO_SHOW && slot.equals(record.slotStartsAt()));
    }

    // ---------------------------------------------------------------- rules

    private void clearBooking() {
        this.consultId = null;
        this.scheduledAt = null;
        this.specialistAgb = null;
        this.specialistName = null;
        this.consultStartsAt = null;
        this.consultEndsAt = null;
        this.consultAssignedBy = null;
        this.consultDeadlineOverridden = false;
    }

    /** A statement of intake (the owner of the objection): the latest one counts; at the same instant an objection wins. */
    private void intakeStatesObjection(boolean objects, Instant at) {
        Instant when = at != null ? at : Instant.EPOCH;
        if (intakeObjection == null || later(when, objects, intakeObjectionAt, intakeObjection)) {
            this.intakeObjection = objects;
            this.intakeObjectionAt = when;
        }
        deriveObjection();
    }

    /** Consult's copy of the objection as it knew it then: the latest one counts, the same way. */
    private void consultCopiesObjection(boolean objects, Instant at) {
        Instant when = at != null ? at : Instant.EPOCH;
        if (consultObjection == null || later(when, objects, consultObjectionAt, consultObjection)) {
            this.consultObjection = objects;
            this.consultObjectionAt = when;
        }
        deriveObjection();
    }

    private static boolean later(Instant at, boolean objects, Instant knownAt, boolean known) {
        Instant before = knownAt != null ? knownAt : Instant.EPOCH;
        return at.isAfter(before) || (at.equals(before) && objects && !known);
    }

    /**
     * Whether the report is withheld: the most recent statement of the objection is in force, whether
     * intake's own (at the intake, or a later change, which can lift it) or consult's copy as consult
     * knew it when it signed or amended the report; at the same instant an objection wins. Taking
     * consult's copy into account means that an objection consult heard of first withholds the report
     * even while intake's topic is read later (privacy first).
     */
    private void deriveObjection() {
        Boolean objects;
        Instant at;
        Instant intakeAt = intakeObjectionAt != null ? intakeObjectionAt : Instant.EPOCH;
        Instant consultAt = consultObjectionAt != null ? consultObjectionAt : Instant.EPOCH;
        if (consultObjection == null || (intakeObjection != null && intakeAt.isAfter(consultAt))) {
            objects = intakeObjection;
            at = intakeAt;
        } else if (intakeObjection == null || consultAt.isAfter(intakeAt)) {
            objects = consultObjection;
            at = consultAt;
        } else {
            objects = intakeObjection || consultObjection;
            at = intakeAt;
        }
        this.patientObjectsToGpReport = Boolean.TRUE.equals(objects);
        this.objectionRecordedAt = patientObjectsToGpReport ? at : null;
    }

    /** A copy of the referrer's AGB code from another service: used until the referral's own is known. */
    private void knowReferrer(String agb) {
        if (referrerAgb == null && present(agb)) {
            this.referrerAgb = agb;
        }
    }

    /** A copy of the patient's details from the intake: used until the referral's own are known. */
    private void knowPatient(PatientDetails patient) {
        if (patient != null && patientName == null && patientBirthDate == null) {
            this.patientName = patient.name();
            this.patientBirthDate = patient.birthDate();
        }
    }

    private void requireSameReferral(UUID id) {
        if (!referralId.equals(id)) {
            throw new IllegalArgumentException("An event of another referral");
        }
    }

    /**
     * The status from everything known, whatever order it arrived in: a final report first (it was
     * signed and sent, a cancellation cannot take it back), then a cancellation (the referral's, or
     * the consult's because of the referral's), then the furthest step.
     */
    private void deriveStatus() {
        if (completedAt != null && hasFinalReport()) {
            status = patientObjectsToGpReport ? ReferralStatus.REPORT_WITHHELD : ReferralStatus.REPORT_AVAILABLE;
        } else if (cancelledAt != null || consultCancelledWithReferral) {
            status = ReferralStatus.CANCELLED;
        } else if (completedAt != null) {
            status = ReferralStatus.CONSULTED;
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

    // ---------------------------------------------------------------- questions

    /** Whether this referral belongs to the GP with AGB code {@code agb}. */
    public boolean isReferredBy(String agb) {
        return referrerAgb != null && referrerAgb.equals(agb);
    }

    /** The final report exists (whether or not the GP may read it). */
    public boolean hasFinalReport() {
        return completedAt != null && reportConclusion != null;
    }

    /** When the intake was decided, either way; null while undecided. */
    public Instant intakeDecidedAt() {
        return intakeCompletedAt != null ? intakeCompletedAt : intakeRejectedAt;
    }

    /** The intake deadline: the one intake named, else 24 hours after receipt; null when neither is known. */
    public Instant effectiveIntakeDueAt() {
        if (intakeDueAt != null) {
            return intakeDueAt;
        }
        return receivedAt == null ? null : receivedAt.plus(INTAKE_PROMISE);
    }

    /**
     * When the consult took place: its booked start, or (without a booking known, or one after the
     * report) when it was completed; null before it took place.
     */
    public Instant consultedAt() {
        if (completedAt == null) {
            return null;
        }
        return consultStartsAt != null && !consultStartsAt.isAfter(completedAt) ? consultStartsAt : completedAt;
    }

    /** When the report became final (available or withheld); null before. */
    public Instant reportedAt() {
        return hasFinalReport() ? completedAt : null;
    }

    /** Ended without a consult: rejected at intake, or cancelled before the report. */
    public boolean endedEarly() {
        return status == ReferralStatus.CANCELLED || status == ReferralStatus.INTAKE_REJECTED;
    }

    /**
     * The specialty the referral counts under for the organisation: the one the intake asked for,
     * else the booked consult's, else the treating doctor's; lower case; null when none is known.
     */
    public String specialty() {
        for (String candidate : new String[] {requestedSpecialty, consultSpecialty, treatingSpecialty}) {
            if (present(candidate)) {
                return candidate.trim().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The reasons the nurse recorded (their current names). */
    public List<IntakeReason> intakeReasons() {
        if (intakeReasons == null || intakeReasons.isBlank()) {
            return List.of();
        }
        return Arrays.stream(intakeReasons.split(",")).map(IntakeReason::valueOf).toList();
    }

    /** The steps known so far, in the order they happened. */
    public List<Milestone> timeline() {
        List<Milestone> steps = new ArrayList<>();
        add(steps, TimelineMilestone.RECEIVED, receivedAt, null);
        add(steps, TimelineMilestone.REFERRAL_LETTER_RECEIVED, letterReceivedAt, null);
        if (Boolean.TRUE.equals(copyToFirstSpecialistRequired)) {
            add(steps, TimelineMilestone.COPY_TO_FIRST_SPECIALIST_REQUIRED, questionnaireReceivedAt,
                    copyToFirstSpecialistConfirmed == null ? "confirmation not known yet"
                            : copyToFirstSpecialistConfirmed ? "confirmed at intake" : "not confirmed at intake");
        }
        add(steps, TimelineMilestone.INTAKE_COMPLETED, intakeCompletedAt, null);
        add(steps, TimelineMilestone.INTAKE_REJECTED, intakeRejectedAt, null);
        history.forEach(record -> steps.add(record.toMilestone()));
        add(steps, TimelineMilestone.CONSULTED, consultedAt(), null);
        if (hasFinalReport()) {
            add(steps, patientObjectsToGpReport ? TimelineMilestone.REPORT_WITHHELD : TimelineMilestone.REPORT_AVAILABLE,
                    completedAt, null);
            if (!patientObjectsToGpReport) {
                addenda.forEach(a -> add(steps, TimelineMilestone.REPORT_AMENDED, a.signedAt(),
                        "addendum " + a.sequence()));
            }
        }
        add(steps, TimelineMilestone.CANCELLED, cancelledAt, null);
        steps.sort(Comparator.comparing(Milestone::at).thenComparing(Milestone::milestone));
        return List.copyOf(steps);
    }

    private static void add(List<Milestone> steps, TimelineMilestone milestone, Instant at, String detail) {
        if (at != null) {
            steps.add(new Milestone(milestone, at, detail));
        }
    }

    private static Instant earliest(Instant known, Instant candidate) {
        if (candidate == null) {
            return known;
        }
        return known == null || candidate.isBefore(known) ? candidate : known;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String when(Instant at) {
        return at == null ? "?" : WHEN.format(at);
    }

    private static String requestedBy(String who) {
        if (who == null) {
            return null;
        }
        return switch (who) {
            case "PATIENT" -> "at the patient's request";
            case "SPECIALIST" -> "at the specialist's request";
            default -> "by " + who.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(ReferralOverview::present).collect(Collectors.joining(", "));
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public ReferralStatus status() { return status; }
    public UUID patientId() { return patientId; }
    public String patientName() { return patientName; }
    public LocalDate patientBirthDate() { return patientBirthDate; }
    public String referrerAgb() { return referrerAgb; }
    public String referrerName() { return referrerName; }
    public String referrerOrganisation() { return referrerOrganisation; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }
    public Instant receivedAt() { return receivedAt; }
    public Instant letterReceivedAt() { return letterReceivedAt; }
    public Instant questionnaireReceivedAt() { return questionnaireReceivedAt; }
    public String transmuralSituation() { return transmuralSituation; }
    public Boolean copyToFirstSpecialistRequired() { return copyToFirstSpecialistRequired; }
    public Boolean copyToFirstSpecialistConfirmed() { return copyToFirstSpecialistConfirmed; }
    public Instant intakeCompletedAt() { return intakeCompletedAt; }
    public LocalDate consultDueOn() { return consultDueOn; }
    public Instant firstScheduledAt() { return firstScheduledAt; }
    public Instant scheduledAt() { return scheduledAt; }
    public UUID consultId() { return consultId; }
    public String specialistAgb() { return specialistAgb; }
    public String specialistName() { return specialistName; }
    public Instant consultStartsAt() { return consultStartsAt; }
    public Instant consultEndsAt() { return consultEndsAt; }
    public String consultAssignedBy() { return consultAssignedBy; }
    public boolean consultDeadlineOverridden() { return consultDeadlineOverridden; }
    public Instant matchingFailedAt() { return matchingFailedAt; }
    public MatchingFailureReason matchingFailureReason() { return matchingFailureReason; }
    public boolean awaitingManualPlanning() { return awaitingManualPlanning; }
    public Instant completedAt() { return completedAt; }
    public String reportSpecialistAgb() { return reportSpecialistAgb; }
    public String reportQuestion() { return reportQuestion; }
    public String reportFindings() { return reportFindings; }
    public Conclusion reportConclusion() { return reportConclusion; }
    public String reportRecommendations() { return reportRecommendations; }
    public String reportSignedBy() { return reportSignedBy; }
    public Instant reportSignedAt() { return reportSignedAt; }
    public String reportSignedByName() { return reportSignedByName; }
    public String reportFreeText() { return reportFreeText; }

    /** The addenda to the report, in their order. */
    public List<ReportAddendum> reportAddenda() {
        return addenda.stream().sorted(Comparator.comparingInt(ReportAddendum::sequence)).toList();
    }
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
