package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;

/**
 * A referral waiting for, or past, the nurse's telephone intake. Its id is the referral id. The
 * status changes only through {@link #markSuitable}, {@link #markUnsuitable} and {@link #cancel}:
 * {@code OPEN} → {@code SUITABLE} | {@code UNSUITABLE} by the nurse; any of these → {@code CANCELLED}
 * when the referrer cancels the referral. {@code CANCELLED} is final.
 */
@Entity
@Table(name = "intake_case")
public class IntakeCase extends PanacheEntityBase {

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

    @Column(name = "intake_due_by", nullable = false)
    private Instant intakeDueBy;

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

    @Column(name = "treating_specialty")
    private String treatingSpecialty;

    @Column(name = "treating_hospital")
    private String treatingHospital;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "clarified_question")
    private String clarifiedQuestion;

    @Convert(converter = ReasonListConverter.class)
    @Column(name = "reasons")
    private List<IntakeReason> reasons = List.of();

    @Column(name = "specialty")
    private String specialty;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "patient_objects_to_gp_report", nullable = false)
    private boolean patientObjectsToGpReport;

    @Column(name = "unsuitable_reason")
    private String unsuitableReason;

    @Column(name = "consult_due_on")
    private LocalDate consultDueOn;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    @Column(name = "cancellation_reason_text", columnDefinition = "text")
    private String cancellationReasonText;

    protected IntakeCase() {
    }

    /** Opens the case for a referral the gateway accepted; the nurse has {@code intakeWindow} to call. */
    public static IntakeCase open(ReferralReceived referral, Duration intakeWindow) {
        IntakeCase c = new IntakeCase();
        c.referralId = referral.referralId();
        c.patientId = referral.patientId();
        c.zorgDomeinNumber = referral.zorgDomeinNumber();
        c.status = IntakeStatus.OPEN;
        c.receivedAt = referral.receivedAt();
        c.intakeDueBy = referral.receivedAt().plus(intakeWindow);
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
        return c;
    }

    /** The nurse found the referral suitable; the consult must take place by {@code consultDueOn}. */
    public void markSuitable(String nurse, Instant at, String question, List<IntakeReason> why, String specialtyOrNull,
            String language, boolean objectsToGpReport, LocalDate dueOn) {
        requireOpen();
        this.status = IntakeStatus.SUITABLE;
        this.decidedBy = nurse;
        this.decidedAt = at;
        this.clarifiedQuestion = question;
        this.reasons = List.copyOf(why);
        this.specialty = specialtyOrNull == null || specialtyOrNull.isBlank() ? treatingSpecialty : specialtyOrNull;
        this.preferredLanguage = language;
        this.patientObjectsToGpReport = objectsToGpReport;
        this.consultDueOn = dueOn;
    }

    /** The nurse found the referral not suitable for a second opinion. */
    public void markUnsuitable(String nurse, Instant at, String reason) {
        requireOpen();
        this.status = IntakeStatus.UNSUITABLE;
        this.decidedBy = nurse;
        this.decidedAt = at;
        this.unsuitableReason = reason;
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

    /** Whether the nurse decided the case (before or regardless of a cancellation). */
    public boolean decided() {
        return decidedAt != null;
    }

    private void requireOpen() {
        if (status == IntakeStatus.CANCELLED) {
            throw new IllegalIntakeTransition(IllegalIntakeTransition.Reason.CANCELLED,
                    "The referral was cancelled; the intake case cannot be decided any more");
        }
        if (status != IntakeStatus.OPEN) {
            throw new IllegalIntakeTransition(IllegalIntakeTransition.Reason.ALREADY_DECIDED,
                    "The intake case was decided already (" + status + ")");
        }
    }

    public PatientDetails patient() {
        return new PatientDetails(patientName, patientBirthDate, patientGender, patientPhone, patientEmail);
    }

    public UUID referralId() { return referralId; }
    public UUID patientId() { return patientId; }
    public String zorgDomeinNumber() { return zorgDomeinNumber; }
    public IntakeStatus status() { return status; }
    public Instant receivedAt() { return receivedAt; }
    public Instant intakeDueBy() { return intakeDueBy; }
    public String referrerAgb() { return referrerAgb; }
    public String referrerName() { return referrerName; }
    public String referrerOrganisation() { return referrerOrganisation; }
    public String requestedProduct() { return requestedProduct; }
    public String treatingSpecialty() { return treatingSpecialty; }
    public String treatingHospital() { return treatingHospital; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public String clarifiedQuestion() { return clarifiedQuestion; }
    public List<IntakeReason> reasons() { return reasons; }
    public String specialty() { return specialty; }
    public String preferredLanguage() { return preferredLanguage; }
    public boolean patientObjectsToGpReport() { return patientObjectsToGpReport; }
    public String unsuitableReason() { return unsuitableReason; }
    public LocalDate consultDueOn() { return consultDueOn; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancellationReasonCode() { return cancellationReasonCode; }
    public String cancellationReasonText() { return cancellationReasonText; }
    public long version() { return version; }
}
