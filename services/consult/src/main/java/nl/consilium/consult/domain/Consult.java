package nl.consilium.consult.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultScheduled;

/**
 * The second-opinion consult of one referral; its id is the referral id. Intake brings the question
 * and the patient ({@link #recordIntake}), scheduling the specialist and the time
 * ({@link #recordBooking}), in either order; then the specialist drafts ({@link #draftReport}) and
 * signs ({@link #finaliseReport}) the report. The referrer's cancellation ({@link #cancel}) ends it
 * unless the report is final already. No setters: the status changes only through these.
 *
 * <p>A cancellation may be the first event of a referral (it travels on another topic): its row then
 * has no patient yet, and intake's and scheduling's events that come later are ignored.
 */
@Entity
@Table(name = "consult")
public class Consult extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "consult_id")
    private UUID consultId;

    /** Null only for a consult cancelled before intake or scheduling said anything about it. */
    @Column(name = "patient_id")
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsultStatus status;

    @Column(name = "patient_name")
    private String patientName;

    @Column(name = "patient_birth_date")
    private LocalDate patientBirthDate;

    @Column(name = "patient_phone")
    private String patientPhone;

    @Column(name = "patient_email")
    private String patientEmail;

    @Column(name = "clarified_question")
    private String clarifiedQuestion;

    @Convert(converter = ReasonListConverter.class)
    @Column(name = "reasons")
    private List<IntakeReason> reasons = List.of();

    @Column(name = "referrer_agb")
    private String referrerAgb;

    @Column(name = "patient_objects_to_gp_report", nullable = false)
    private boolean patientObjectsToGpReport;

    @Column(name = "specialist_agb")
    private String specialistAgb;

    @Column(name = "specialist_name")
    private String specialistName;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "findings")
    private String findings;

    @Enumerated(EnumType.STRING)
    @Column(name = "conclusion")
    private Conclusion conclusion;

    @Column(name = "recommendations")
    private String recommendations;

    @Column(name = "signed_by")
    private String signedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    protected Consult() {
    }

    /**
     * The consult of {@code referralId}, locked for this transaction; created first when neither
     * event has arrived yet. Two events of one referral may be consumed at the same moment on their
     * two channels: the insert waits for the other transaction's row instead of failing on it, and
     * the lock makes the second event see what the first one wrote.
     */
    public static Consult lockOrCreate(UUID referralId, UUID patientId) {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(patientId, "patientId");
        getEntityManager().createNativeQuery("""
                insert into consult (referral_id, version, patient_id, status, patient_objects_to_gp_report)
                values (?1, 0, ?2, ?3, false) on conflict (referral_id) do nothing""")
                .setParameter(1, referralId)
                .setParameter(2, patientId)
                .setParameter(3, ConsultStatus.AWAITING_INTAKE.name())
                .executeUpdate();
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Like {@link #lockOrCreate(UUID, UUID)}, for an event that does not name the patient (the
     * referrer's cancellation). A consult created here has no patient, and keeps none: it is
     * cancelled at once, and a cancelled consult takes no later intake or booking.
     */
    public static Consult lockOrCreate(UUID referralId) {
        Objects.requireNonNull(referralId, "referralId");
        getEntityManager().createNativeQuery("""
                insert into consult (referral_id, version, status, patient_objects_to_gp_report)
                values (?1, 0, ?2, false) on conflict (referral_id) do nothing""")
                .setParameter(1, referralId)
                .setParameter(2, ConsultStatus.AWAITING_INTAKE.name())
                .executeUpdate();
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Intake found the referral suitable: the clarified question, the patient, the referring GP and
     * whether the patient objects to the GP receiving the report. A consult whose report is final
     * keeps what it was based on; a cancelled consult takes nothing more (no patient data for a
     * consult that will not take place).
     *
     * @return false when the intake was ignored because the report is final or the consult cancelled
     */
    public boolean recordIntake(IntakeCompleted intake) {
        requireSameReferral(intake.referralId());
        if (status == ConsultStatus.COMPLETED || status == ConsultStatus.CANCELLED) {
            return false;
        }
        this.clarifiedQuestion = intake.clarifiedQuestion();
        this.reasons = intake.reasons() == null ? List.of() : List.copyOf(intake.reasons());
        this.referrerAgb = Objects.requireNonNull(intake.referrerAgb(), "referrerAgb");
        this.patientObjectsToGpReport = intake.patientObjectsToGpReport();
        PatientDetails patient = intake.patient();
        if (patient != null) {
            this.patientName = patient.name();
            this.patientBirthDate = patient.birthDate();
            this.patientPhone = patient.phone();
            this.patientEmail = patient.email();
        }
        settleStatus();
        return true;
    }

    /**
     * Scheduling booked (or re-booked) the consult. A booking with another specialist drops the
     * previous specialist's unsigned draft; a consult whose report is final or that was cancelled
     * ignores later bookings.
     *
     * @return false when the booking was ignored because the report is final or the consult cancelled
     */
    public boolean recordBooking(ConsultScheduled booking) {
        requireSameReferral(booking.referralId());
        if (status == ConsultStatus.COMPLETED || status == ConsultStatus.CANCELLED) {
            return false;
        }
        String agb = Objects.requireNonNull(booking.specialistAgb(), "specialistAgb");
        if (status == ConsultStatus.REPORT_DRAFTED && !agb.equals(specialistAgb)) {
            this.findings = null;
            this.conclusion = null;
            this.recommendations = null;
            this.status = ConsultStatus.SCHEDULED;
        }
        this.consultId = Objects.requireNonNull(booking.consultId(), "consultId");
        this.specialistAgb = agb;
        this.specialistName = booking.specialistName();
        this.startsAt = Objects.requireNonNull(booking.startsAt(), "startsAt");
        this.endsAt = Objects.requireNonNull(booking.endsAt(), "endsAt");
        settleStatus();
        return true;
    }

    /**
     * The referrer cancelled the referral: the consult will not take place or be reported on. An
     * unsigned draft stays as it was, for the record. A consult whose report is final stays
     * {@code COMPLETED}: the report was signed and sent before the cancellation came. The first
     * cancellation counts.
     *
     * @return false when the cancellation was ignored (the report is final, or the consult is
     *     cancelled already)
     */
    public boolean cancel(ReferralCancelled cancellation) {
        requireSameReferral(cancellation.referralId());
        if (status == ConsultStatus.COMPLETED || status == ConsultStatus.CANCELLED) {
            return false;
        }
        this.cancelledAt = Objects.requireNonNull(cancellation.cancelledAt(), "cancelledAt");
        this.cancellationReasonCode = cancellation.reasonCode();
        this.status = ConsultStatus.CANCELLED;
        return true;
    }

    /** Saves (or replaces) the specialist's unsigned report. */
    public void draftReport(String findings, Conclusion conclusion, String recommendations) {
        switch (status) {
            case AWAITING_INTAKE, AWAITING_BOOKING -> throw new IllegalConsultTransition(
                    IllegalConsultTransition.Reason.NOT_READY,
                    "The consult is not ready for a report: it is " + status);
            case CANCELLED -> throw cancelled();
            case COMPLETED -> throw reportFinal();
            case SCHEDULED, REPORT_DRAFTED -> {
                this.findings = Objects.requireNonNull(findings, "findings");
                this.conclusion = Objects.requireNonNull(conclusion, "conclusion");
                this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
                this.status = ConsultStatus.REPORT_DRAFTED;
            }
        }
    }

    /** Signs the draft report: it is final from now on. */
    public ConsultReport finaliseReport(String signer, Instant at) {
        if (status == ConsultStatus.CANCELLED) {
            throw cancelled();
        }
        if (status == ConsultStatus.COMPLETED) {
            throw reportFinal();
        }
        if (status != ConsultStatus.REPORT_DRAFTED) {
            throw new IllegalConsultTransition(IllegalConsultTransition.Reason.NO_DRAFT,
                    "There is no draft report to sign; save one first");
        }
        this.signedBy = Objects.requireNonNull(signer, "signer");
        this.signedAt = Objects.requireNonNull(at, "at");
        this.status = ConsultStatus.COMPLETED;
        return report();
    }

    /** Whether the consult is booked with the specialist of this AGB code. */
    public boolean isAssignedTo(String agb) {
        return agb != null && agb.equals(specialistAgb);
    }

    /** Whether intake's part (question, patient, referrer) has arrived. */
    public boolean intakeKnown() {
        return referrerAgb != null;
    }

    /** Whether scheduling's part (specialist, time) has arrived. */
    public boolean bookingKnown() {
        return consultId != null;
    }

    /** The report as it stands: null when nothing was drafted. */
    public ConsultReport report() {
        if (conclusion == null) {
            return null;
        }
        return new ConsultReport(clarifiedQuestion, findings, conclusion, recommendations, signedBy, signedAt);
    }

    public PatientDetails patient() {
        return new PatientDetails(patientName, patientBirthDate, null, patientPhone, patientEmail);
    }

    private void settleStatus() {
        if (status == ConsultStatus.REPORT_DRAFTED || status == ConsultStatus.COMPLETED
                || status == ConsultStatus.CANCELLED) {
            return;
        }
        if (intakeKnown() && bookingKnown()) {
            status = ConsultStatus.SCHEDULED;
        } else if (intakeKnown()) {
            status = ConsultStatus.AWAITING_BOOKING;
        } else {
            status = ConsultStatus.AWAITING_INTAKE;
        }
    }

    private void requireSameReferral(UUID referral) {
        if (!referralId.equals(referral)) {
            throw new IllegalArgumentException("An event of another referral");
        }
    }

    private static IllegalConsultTransition cancelled() {
        return new IllegalConsultTransition(IllegalConsultTransition.Reason.CANCELLED,
                "The referral was cancelled; the consult has no report to write or sign");
    }

    private static IllegalConsultTransition reportFinal() {
        return new IllegalConsultTransition(IllegalConsultTransition.Reason.REPORT_FINAL,
                "The report is signed and final; it cannot change");
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public UUID consultId() { return consultId; }
    public UUID patientId() { return patientId; }
    public ConsultStatus status() { return status; }
    public String clarifiedQuestion() { return clarifiedQuestion; }
    public List<IntakeReason> reasons() { return reasons; }
    public String referrerAgb() { return referrerAgb; }
    public boolean patientObjectsToGpReport() { return patientObjectsToGpReport; }
    public String specialistAgb() { return specialistAgb; }
    public String specialistName() { return specialistName; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public String findings() { return findings; }
    public Conclusion conclusion() { return conclusion; }
    public String recommendations() { return recommendations; }
    public String signedBy() { return signedBy; }
    public Instant signedAt() { return signedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancellationReasonCode() { return cancellationReasonCode; }
}
