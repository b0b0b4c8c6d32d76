package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import org.hibernate.annotations.OptimisticLock;

/**
 * A referral waiting for, or past, the nurse's telephone intake. Its id is the referral id. It
 * changes only through its named methods, each checked against the status:
 * <ul>
 *   <li>{@link #open}: from {@code ReferralReceived}, with the deadlines of the working-day calendar;</li>
 *   <li>{@link #saveIntake}: the nurse's intake record, a partial save, until the decision;</li>
 *   <li>{@link #recordObjection}: the patient's objection to the report going to the GP, also after
 *       the decision (the report has not gone out yet then);</li>
 *   <li>{@link #markSuitable} / {@link #markUnsuitable}: the decision, once;</li>
 *   <li>{@link #cancel}: the referrer cancelled the referral (final, from any status);</li>
 *   <li>{@link #markOverdue}: the overdue job found it undecided past {@code intakeDueAt} (once).</li>
 * </ul>
 * {@code OPEN} → {@code SUITABLE} | {@code UNSUITABLE} by the nurse; any of these → {@code CANCELLED}.
 * The {@link Version} covers what the nurse edits (the record, the objection, the status); the overdue
 * mark is left out of it, so that a nurse's form does not go stale when the deadline passes.
 */
@Entity
@Table(name = "intake_case")
public class IntakeCase extends PanacheEntityBase {

    /** The fields a suitable decision needs, by their names in the API, in the order they are checked. */
    public static final String CLARIFIED_QUESTION = "clarifiedQuestion";
    public static final String REASONS = "reasons";
    public static final String TREATING_SPECIALTY = "treatingSpecialty";
    public static final String TREATING_HOSPITAL = "treatingHospital";
    public static final String PREFERRED_LANGUAGE = "preferredLanguage";
    public static final String AVAILABILITY = "availability";
    public static final String OBJECTION = "patientObjectsToGpReport";
    public static final String REACHED_CALL = "reachedCall";

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "zorgdomein_number", nullable = false)
    private String zorgDomeinNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IntakeStatus status;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "intake_due_at", nullable = false)
    private Instant intakeDueAt;

    @Column(name = "consult_due_on")
    private LocalDate consultDueOn;

    @Column(name = "patient_name")
    private String patientName;

    @Column(name = "patient_birth_date")
    private LocalDate patientBirthDate;

    @Column(name = "patient_gender")
    private String patientGender;

    @Column(name = "patient_phone")
    private String patientPhone;

    @Column(name = "patient_email")
    private String patientEmail;

    @Column(name = "referrer_agb", nullable = false)
    private String referrerAgb;

    @Column(name = "referrer_name")
    private String referrerName;

    @Column(name = "referrer_organisation")
    private String referrerOrganisation;

    @Column(name = "requested_product")
    private String requestedProduct;

    // as the referral named them (ReferralReceived); the intake record starts with these
    @Column(name = "treating_specialty")
    private String treatingSpecialty;

    @Column(name = "treating_hospital")
    private String treatingHospital;

    @Column(name = "treating_specialist")
    private String treatingSpecialist;

    // the intake record
    @Column(name = "clarified_question")
    private String clarifiedQuestion;

    @Convert(converter = ReasonListConverter.class)
    @Column(name = "reasons")
    private List<IntakeReason> reasons = List.of();

    @Column(name = "intake_treating_specialty")
    private String intakeTreatingSpecialty;

    @Column(name = "intake_treating_hospital")
    private String intakeTreatingHospital;

    @Column(name = "intake_treating_specialist")
    private String intakeTreatingSpecialist;

    @Column(name = "intake_treating_specialist_agb")
    private String intakeTreatingSpecialistAgb;

    @Column(name = "focus_area")
    private String focusArea;

    /** Whether the GP's copy of the letter to the first specialist was confirmed (transmural row 3); null: not recorded. */
    @Column(name = "first_specialist_copy_confirmed")
    private Boolean firstSpecialistCopyConfirmed;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @ElementCollection
    @CollectionTable(name = "availability_window", joinColumns = @JoinColumn(name = "referral_id"))
    @OrderColumn(name = "position")
    private List<AvailabilitySlot> availability = new ArrayList<>();

    @Column(name = "intake_saved_at")
    private Instant intakeSavedAt;

    @Column(name = "intake_saved_by")
    private String intakeSavedBy;

    // the objection: the current value; objection_change keeps every change
    @Column(name = "patient_objects_to_gp_report", nullable = false)
    private boolean patientObjectsToGpReport;

    @Column(name = "objection_recorded_at")
    private Instant objectionRecordedAt;

    @Column(name = "objection_recorded_by")
    private String objectionRecordedBy;

    // the decision
    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    private RejectionReason rejectionReason;

    @Column(name = "unsuitable_reason")
    private String rejectionExplanation;

    // the cancellation
    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    @Column(name = "cancellation_reason_text", columnDefinition = "text")
    private String cancellationReasonText;

    @OptimisticLock(excluded = true)
    @Column(name = "overdue_at")
    private Instant overdueAt;

    protected IntakeCase() {
    }

    /**
     * Opens the case for a referral the gateway accepted, with the deadlines the working-day calendar
     * counted from the referral's arrival. The intake record starts with the referral's treating
     * specialty, hospital and specialist.
     */
    public static IntakeCase open(ReferralReceived referral, Instant intakeDueAt, LocalDate consultDueOn) {
        IntakeCase c = new IntakeCase();
        c.referralId = Objects.requireNonNull(referral.referralId(), "referralId");
        c.patientId = referral.patientId();
        c.zorgDomeinNumber = referral.zorgDomeinNumber();
        c.status = IntakeStatus.OPEN;
        c.receivedAt = referral.receivedAt();
        c.intakeDueAt = Objects.requireNonNull(intakeDueAt, "intakeDueAt");
        c.consultDueOn = Objects.requireNonNull(consultDueOn, "consultDueOn");
        PatientDetails patient = referral.patient();
        if (patient != null) {
            c.patientName = patient.name();
            c.patientBirthDate = patient.birthDate();
            c.patientGender = patient.gender();
            c.patientPhone = patient.phone();
            c.patientEmail = patient.email();
        }
        c.referrerAgb = referral.referrer().agb();
        c.referrerName = referral.referrer().name();
        c.referrerOrganisation = referral.referrer().organisation();
        c.requestedProduct = referral.requestedProduct();
        c.treatingSpecialty = referral.treatingSpecialty();
        c.treatingHospital = referral.treatingHospital();
        c.treatingSpecialist = referral.treatingSpecialist();
        c.intakeTreatingSpecialty = blankToNull(referral.treatingSpecialty());
        c.intakeTreatingHospital = blankToNull(referral.treatingHospital());
        c.intakeTreatingSpecialist = blankToNull(referral.treatingSpecialist());
        return c;
    }

    /**
     * Saves what the nurse recorded so far. A null field stays as it was; a blank text or an empty list
     * clears it. Only before the decision (afterwards only the objection may change).
     *
     * @return whether anything changed
     */
    public boolean saveIntake(IntakeRecordUpdate update, String nurse, Instant at) {
        requireUndecided();
        boolean changed = false;
        if (update.clarifiedQuestion() != null) {
            changed |= !Objects.equals(clarifiedQuestion, blankToNull(update.clarifiedQuestion()));
            clarifiedQuestion = blankToNull(update.clarifiedQuestion());
        }
        if (update.reasons() != null) {
            List<IntakeReason> current = update.reasons().stream().map(IntakeReason::current).distinct().toList();
            changed |= !reasons.equals(current);
            reasons = current;
        }
        if (update.treatingSpecialty() != null) {
            changed |= !Objects.equals(intakeTreatingSpecialty, blankToNull(update.treatingSpecialty()));
            intakeTreatingSpecialty = blankToNull(update.treatingSpecialty());
        }
        if (update.treatingHospital() != null) {
            changed |= !Objects.equals(intakeTreatingHospital, blankToNull(update.treatingHospital()));
            intakeTreatingHospital = blankToNull(update.treatingHospital());
        }
        if (update.treatingSpecialist() != null) {
            changed |= !Objects.equals(intakeTreatingSpecialist, blankToNull(update.treatingSpecialist()));
            intakeTreatingSpecialist = blankToNull(update.treatingSpecialist());
        }
        if (update.treatingSpecialistAgb() != null) {
            changed |= !Objects.equals(intakeTreatingSpecialistAgb, blankToNull(update.treatingSpecialistAgb()));
            intakeTreatingSpecialistAgb = blankToNull(update.treatingSpecialistAgb());
        }
        if (update.focusArea() != null) {
            changed |= !Objects.equals(focusArea, blankToNull(update.focusArea()));
            focusArea = blankToNull(update.focusArea());
        }
        if (update.firstSpecialistCopyConfirmed() != null) {
            changed |= !update.firstSpecialistCopyConfirmed().equals(firstSpecialistCopyConfirmed);
            firstSpecialistCopyConfirmed = update.firstSpecialistCopyConfirmed();
        }
        if (update.preferredLanguage() != null) {
            changed |= !Objects.equals(preferredLanguage, blankToNull(update.preferredLanguage()));
            preferredLanguage = blankToNull(update.preferredLanguage());
        }
        if (update.availability() != null && !availability.equals(update.availability())) {
            for (AvailabilitySlot slot : update.availability()) {
                if (!slot.from().isBefore(slot.to())) {
                    throw new IllegalArgumentException("An availability window must start before it ends");
                }
            }
            availability.clear();
            availability.addAll(update.availability());
            changed = true;
        }
        if (changed) {
            intakeSavedAt = at;
            intakeSavedBy = nurse;
        }
        return changed;
    }

    /**
     * Records whether the patient objects to the report going to the GP. Allowed until the case is
     * cancelled, also after the decision: the report has not gone out then.
     *
     * @return whether this is a change (the first recording is one; the same answer again is not)
     */
    public boolean recordObjection(boolean objects, String nurse, Instant at) {
        if (status == IntakeStatus.CANCELLED) {
            throw cancelled();
        }
        if (objectionRecordedAt != null && patientObjectsToGpReport == objects) {
            return false;
        }
        patientObjectsToGpReport = objects;
        objectionRecordedAt = at;
        objectionRecordedBy = nurse;
        return true;
    }

    /**
     * The fields a suitable decision still needs, by their API names; empty when it can be taken.
     *
     * @param reachedCall whether a call attempt reached the patient
     */
    public List<String> missingForSuitable(boolean reachedCall) {
        List<String> missing = new ArrayList<>();
        if (clarifiedQuestion == null) {
            missing.add(CLARIFIED_QUESTION);
        }
        if (reasons.isEmpty()) {
            missing.add(REASONS);
        }
        if (intakeTreatingSpecialty == null) {
            missing.add(TREATING_SPECIALTY);
        }
        if (intakeTreatingHospital == null) {
            missing.add(TREATING_HOSPITAL);
        }
        if (preferredLanguage == null) {
            missing.add(PREFERRED_LANGUAGE);
        }
        if (availability.isEmpty()) {
            missing.add(AVAILABILITY);
        }
        if (objectionRecordedAt == null) {
            missing.add(OBJECTION);
        }
        if (!reachedCall) {
            missing.add(REACHED_CALL);
        }
        return missing;
    }

    /** The nurse found the referral suitable; the caller checked {@link #missingForSuitable} first. */
    public void markSuitable(String nurse, Instant at, boolean reachedCall) {
        requireUndecided();
        List<String> missing = missingForSuitable(reachedCall);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("A suitable decision needs " + missing);
        }
        this.status = IntakeStatus.SUITABLE;
        this.decidedBy = nurse;
        this.decidedAt = at;
    }

    /** The nurse found the referral not suitable, for a reason from the fixed list (OTHER needs an explanation). */
    public void markUnsuitable(String nurse, Instant at, RejectionReason reason, String explanation) {
        requireUndecided();
        Objects.requireNonNull(reason, "reason");
        if (reason == RejectionReason.OTHER && blankToNull(explanation) == null) {
            throw new IllegalStateException("OTHER needs an explanation");
        }
        this.status = IntakeStatus.UNSUITABLE;
        this.decidedBy = nurse;
        this.decidedAt = at;
        this.rejectionReason = reason;
        this.rejectionExplanation = blankToNull(explanation);
    }

    /**
     * The referrer cancelled the referral: the case ends here, whether the nurse had decided it or not
     * (a decision stays as it was, for the record). The first cancellation counts; a case that is
     * cancelled already keeps its reason and time.
     *
     * @return false when the case was cancelled already
     */
    public boolean cancel(ReferralCancelled cancellation) {
        if (!referralId.equals(cancellation.referralId())) {
            throw new IllegalArgumentException("A cancellation of another referral");
        }
        if (status == IntakeStatus.CANCELLED) {
            return false;
        }
        this.status = IntakeStatus.CANCELLED;
        this.cancelledAt = Objects.requireNonNull(cancellation.cancelledAt(), "cancelledAt");
        this.cancellationReasonCode = cancellation.reasonCode();
        this.cancellationReasonText = cancellation.reasonText();
        return true;
    }

    /**
     * The overdue job found the case open past its intake deadline. Once per case.
     *
     * @return false when it was marked before, is not open, or is not past its deadline at {@code at}
     */
    public boolean markOverdue(Instant at) {
        if (overdueAt != null || status != IntakeStatus.OPEN || at.isBefore(intakeDueAt)) {
            return false;
        }
        overdueAt = at;
        return true;
    }

    /** Whether the nurse decided the case (before or regardless of a cancellation). */
    public boolean decided() {
        return decidedAt != null;
    }

    /** Open: neither decided nor cancelled. */
    public boolean isOpen() {
        return status == IntakeStatus.OPEN;
    }

    /** A change of an undecided case; refused once it is decided or cancelled. */
    public void requireUndecided() {
        if (status == IntakeStatus.CANCELLED) {
            throw cancelled();
        }
        if (status != IntakeStatus.OPEN) {
            throw new IllegalIntakeTransition(IllegalIntakeTransition.Reason.ALREADY_DECIDED,
                    "The intake case was decided already (" + status + ")");
        }
    }

    /** Any change by a nurse; refused once the referral is cancelled. */
    public void requireNotCancelled() {
        if (status == IntakeStatus.CANCELLED) {
            throw cancelled();
        }
    }

    private static IllegalIntakeTransition cancelled() {
        return new IllegalIntakeTransition(IllegalIntakeTransition.Reason.CANCELLED,
                "The referral was cancelled; the intake case cannot be changed any more");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public PatientDetails patient() {
        return new PatientDetails(patientName, patientBirthDate, patientGender, patientPhone, patientEmail);
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public UUID patientId() { return patientId; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }
    public IntakeStatus status() { return status; }
    public Instant receivedAt() { return receivedAt; }
    public Instant intakeDueAt() { return intakeDueAt; }
    public LocalDate consultDueOn() { return consultDueOn; }
    public String referrerAgb() { return referrerAgb; }
    public String referrerName() { return referrerName; }
    public String referrerOrganisation() { return referrerOrganisation; }
    public String requestedProduct() { return requestedProduct; }
    /** The treating specialty as the referral named it. */
    public String referredTreatingSpecialty() { return treatingSpecialty; }
    /** The treating hospital as the referral named it. */
    public String referredTreatingHospital() { return treatingHospital; }
    /** The treating specialist as the referral named them; may be null. */
    public String referredTreatingSpecialist() { return treatingSpecialist; }
    public String clarifiedQuestion() { return clarifiedQuestion; }
    public List<IntakeReason> reasons() { return List.copyOf(reasons); }
    /** The treating specialty of the intake record (the referral's unless the nurse changed it). */
    public String treatingSpecialty() { return intakeTreatingSpecialty; }
    public String treatingHospital() { return intakeTreatingHospital; }
    public String treatingSpecialist() { return intakeTreatingSpecialist; }
    public String treatingSpecialistAgb() { return intakeTreatingSpecialistAgb; }
    public String focusArea() { return focusArea; }
    public Boolean firstSpecialistCopyConfirmed() { return firstSpecialistCopyConfirmed; }
    public String preferredLanguage() { return preferredLanguage; }
    public List<AvailabilitySlot> availability() { return List.copyOf(availability); }
    public Instant intakeSavedAt() { return intakeSavedAt; }
    public String intakeSavedBy() { return intakeSavedBy; }
    public boolean patientObjectsToGpReport() { return patientObjectsToGpReport; }
    /** Whether the objection was asked and recorded at all (its value is meaningful only then). */
    public boolean objectionRecorded() { return objectionRecordedAt != null; }
    public Instant objectionRecordedAt() { return objectionRecordedAt; }
    public String objectionRecordedBy() { return objectionRecordedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public RejectionReason rejectionReason() { return rejectionReason; }
    public String rejectionExplanation() { return rejectionExplanation; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancellationReasonCode() { return cancellationReasonCode; }
    public String cancellationReasonText() { return cancellationReasonText; }
    public Instant overdueAt() { return overdueAt; }
}
