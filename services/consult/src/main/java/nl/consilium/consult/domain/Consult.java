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
import nl.consilium.consult.domain.IllegalConsultTransition.Reason;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeReason;

/**
 * The second-opinion consult of one referral; its id is the referral id. Intake brings the question,
 * the situation and the patient ({@link #recordIntake}), scheduling the specialist and the time
 * ({@link #recordBooking}), in either order, and later moves ({@link #recordBooking} again) or
 * cancellations ({@link #cancel}). The specialist then confirms having read the dossier
 * ({@link #confirmDossierRead}), starts the video consult ({@link #start}), writes and signs the
 * report ({@link #draftReport}, {@link #signReport}) and completes the consult ({@link #complete}), or
 * records that the patient did not come ({@link #recordNoShow}). No setters: the state changes only
 * through these, each checking that the current state allows it ({@link IllegalConsultTransition}
 * otherwise). {@code @Version}: two changes of one consult at the same moment do not both win.
 *
 * <p>A cancellation may be the first event of a referral (it travels on another topic): its row then
 * has no patient, and intake's and scheduling's events that come later are ignored.
 */
@Entity
@Table(name = "consult")
public class Consult extends PanacheEntityBase {

    /** What a booking (or a move) changed. */
    public enum BookingOutcome {
        /** The consult is completed or cancelled: nothing changed. */
        IGNORED,
        /** The same specialist at the same time as known: nothing changed. */
        UNCHANGED,
        /** Recorded; the intake is not known yet, so there is nobody to invite. */
        NOTED,
        /** Both parts are known now (or again, after a no-show): a room and an invitation are due. */
        SCHEDULED,
        /** An upcoming consult changed time or specialist: a new room, and the patient is told. */
        MOVED
    }

    /** What an intake changed. */
    public enum IntakeOutcome {
        /** The consult is completed or cancelled: nothing changed. */
        IGNORED,
        /** Recorded; either the booking is not known yet, or the consult was scheduled already. */
        NOTED,
        /** Both parts are known now: a room and an invitation are due. */
        SCHEDULED
    }

    /** What a cancellation changed. */
    public enum CancelOutcome {
        /** Completed or cancelled already: nothing changed. */
        IGNORED,
        /** Cancelled; the patient had no invitation to an upcoming consult. */
        CANCELLED,
        /** Cancelled; the patient was invited to it and is to be told. */
        CANCELLED_PATIENT_INVITED
    }

    /** {@code cancelledBy} of a cancellation by the referrer (ZorgDomein). */
    public static final String CANCELLED_BY_REFERRER = "REFERRER";
    /** Scheduling's {@code cancelledBy} when it cancels the booking because the referral was cancelled. */
    public static final String CANCELLED_BY_SCHEDULING_FOR_REFERRAL = "REFERRAL_CANCELLED";

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

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "clarified_question")
    private String clarifiedQuestion;

    @Convert(converter = ReasonListConverter.class)
    @Column(name = "reasons")
    private List<IntakeReason> reasons = List.of();

    @Column(name = "requested_specialty")
    private String requestedSpecialty;

    @Column(name = "treating_hospital")
    private String treatingHospital;

    @Column(name = "treating_specialist")
    private String treatingSpecialist;

    @Column(name = "referrer_agb")
    private String referrerAgb;

    @Column(name = "patient_objects_to_gp_report", nullable = false)
    private boolean patientObjectsToGpReport;

    /** When the objection state above was recorded (the intake's completion, or the latest change). */
    @Column(name = "objection_recorded_at")
    private Instant objectionRecordedAt;

    @Column(name = "specialist_agb")
    private String specialistAgb;

    @Column(name = "specialist_name")
    private String specialistName;

    @Column(name = "specialist_specialty")
    private String specialistSpecialty;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    /** The open video room; null before the consult was scheduled and after it ended. */
    @Column(name = "room_name")
    private String roomName;

    /** When the patient was first invited (the invitation email was queued). */
    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "dossier_read_at")
    private Instant dossierReadAt;

    @Column(name = "dossier_read_by")
    private String dossierReadBy;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "no_show_at")
    private Instant noShowAt;

    @Column(name = "no_show_count", nullable = false)
    private int noShowCount;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** {@value #CANCELLED_BY_REFERRER}, or scheduling's {@code PATIENT}, {@code SPECIALIST}, {@code REFERRAL_CANCELLED}. */
    @Column(name = "cancelled_by")
    private String cancelledBy;

    /** ZorgDomein's reason code of a referrer's cancellation (never a free-text reason). */
    @Column(name = "cancellation_reason_code")
    private String cancellationReasonCode;

    protected Consult() {
    }

    /**
     * The consult of {@code referralId}, locked for this transaction; created first when neither
     * event has arrived yet. Two events of one referral may be consumed at the same moment on their
     * channels: the insert waits for the other transaction's row instead of failing on it, and the
     * lock makes the second event see what the first one wrote.
     */
    public static Consult lockOrCreate(UUID referralId, UUID patientId) {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(patientId, "patientId");
        getEntityManager().createNativeQuery("""
                insert into consult (referral_id, version, patient_id, status, patient_objects_to_gp_report,
                                     no_show_count)
                values (?1, 0, ?2, ?3, false, 0) on conflict (referral_id) do nothing""")
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
                insert into consult (referral_id, version, status, patient_objects_to_gp_report, no_show_count)
                values (?1, 0, ?2, false, 0) on conflict (referral_id) do nothing""")
                .setParameter(1, referralId)
                .setParameter(2, ConsultStatus.AWAITING_INTAKE.name())
                .executeUpdate();
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The consult, locked for this transaction, when it exists. */
    public static Consult lock(UUID referralId) {
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    // --- what other services tell ---------------------------------------------------------------

    /**
     * Intake found the referral suitable: the clarified question, reasons, situation, the patient, the
     * referring GP and whether the patient objects to the GP receiving the report. A completed or
     * cancelled consult takes nothing more (no patient data for a consult that will not take place).
     */
    public IntakeOutcome recordIntake(IntakeCompleted intake) {
        requireSameReferral(intake.referralId());
        if (status.isFinal()) {
            return IntakeOutcome.IGNORED;
        }
        boolean wasScheduled = status != ConsultStatus.AWAITING_INTAKE && status != ConsultStatus.AWAITING_BOOKING;
        this.clarifiedQuestion = intake.clarifiedQuestion();
        this.reasons = intake.reasons() == null ? List.of()
                : intake.reasons().stream().map(IntakeReason::current).distinct().toList();
        this.requestedSpecialty = intake.specialty();
        this.treatingHospital = intake.treatingHospital();
        this.treatingSpecialist = intake.treatingSpecialist();
        this.preferredLanguage = intake.preferredLanguage();
        this.referrerAgb = Objects.requireNonNull(intake.referrerAgb(), "referrerAgb");
        Instant objectionAt = intake.completedAt() == null ? Instant.EPOCH : intake.completedAt();
        if (objectionRecordedAt == null || !objectionAt.isBefore(objectionRecordedAt)) {
            this.patientObjectsToGpReport = intake.patientObjectsToGpReport();
            this.objectionRecordedAt = objectionAt;
        }
        PatientDetails patient = intake.patient();
        if (patient != null) {
            this.patientName = patient.name();
            this.patientBirthDate = patient.birthDate();
            this.patientPhone = patient.phone();
            this.patientEmail = patient.email();
        }
        if (!wasScheduled && bookingKnown()) {
            this.status = ConsultStatus.SCHEDULED;
            return IntakeOutcome.SCHEDULED;
        }
        if (!wasScheduled) {
            this.status = ConsultStatus.AWAITING_BOOKING;
        }
        return IntakeOutcome.NOTED;
    }

    /**
     * Scheduling booked, re-booked or moved the consult. A move to another specialist takes the
     * previous one's access (the consult is theirs no more) and their dossier confirmation; a move of
     * a consult in progress puts it back before the start. After a no-show a new booking schedules
     * the consult again. A completed or cancelled consult ignores bookings.
     */
    public BookingOutcome recordBooking(Booking booking) {
        requireSameReferral(booking.referralId());
        if (status.isFinal()) {
            return BookingOutcome.IGNORED;
        }
        boolean sameSpecialist = booking.specialistAgb().equals(specialistAgb);
        boolean sameTime = booking.startsAt().equals(startsAt) && booking.endsAt().equals(endsAt);
        if (bookingKnown() && sameSpecialist && sameTime && status != ConsultStatus.NO_SHOW) {
            this.consultId = booking.consultId();
            return BookingOutcome.UNCHANGED;
        }
        ConsultStatus before = status;
        this.consultId = booking.consultId();
        this.specialistAgb = booking.specialistAgb();
        this.specialistName = booking.specialistName();
        this.specialistSpecialty = booking.specialty();
        this.startsAt = booking.startsAt();
        this.endsAt = booking.endsAt();
        if (!sameSpecialist) {
            this.dossierReadAt = null;
            this.dossierReadBy = null;
        }
        this.startedAt = null;
        switch (before) {
            case AWAITING_INTAKE -> {
                return BookingOutcome.NOTED;
            }
            case AWAITING_BOOKING -> {
                this.status = ConsultStatus.SCHEDULED;
                return BookingOutcome.SCHEDULED;
            }
            case NO_SHOW -> {
                this.status = dossierReadAt == null ? ConsultStatus.SCHEDULED : ConsultStatus.DOSSIER_READ;
                return BookingOutcome.SCHEDULED;
            }
            default -> {
                this.status = dossierReadAt == null ? ConsultStatus.SCHEDULED : ConsultStatus.DOSSIER_READ;
                return BookingOutcome.MOVED;
            }
        }
    }

    /**
     * The consult will not take place: the referrer cancelled the referral, or scheduling cancelled
     * the booking. A completed consult stays completed (its report was signed and sent before); the
     * first cancellation counts.
     *
     * @param by {@value #CANCELLED_BY_REFERRER} or scheduling's {@code cancelledBy}
     * @param reasonCode ZorgDomein's reason code, for a referrer's cancellation; never free text
     */
    public CancelOutcome cancel(Instant at, String by, String reasonCode) {
        if (status == ConsultStatus.CANCELLED && CANCELLED_BY_REFERRER.equals(by)
                && CANCELLED_BY_SCHEDULING_FOR_REFERRAL.equals(cancelledBy)) {
            // scheduling's echo of the referrer's cancellation came first: the referrer's own event
            // adds ZorgDomein's reason code
            this.cancelledBy = by;
            this.cancellationReasonCode = reasonCode;
            return CancelOutcome.IGNORED;
        }
        if (status.isFinal()) {
            return CancelOutcome.IGNORED;
        }
        boolean patientInvited = status.isUpcoming() && invitedAt != null;
        this.cancelledAt = Objects.requireNonNull(at, "at");
        this.cancelledBy = by;
        this.cancellationReasonCode = reasonCode;
        this.status = ConsultStatus.CANCELLED;
        this.roomName = null;
        return patientInvited ? CancelOutcome.CANCELLED_PATIENT_INVITED : CancelOutcome.CANCELLED;
    }

    /**
     * The patient's objection to the report going to the GP changed; the latest change wins (one
     * recorded earlier than what is known is ignored). Recorded in any state of a consult with a
     * patient: a completed consult's addenda honour it too.
     *
     * @return false when ignored
     */
    public boolean changeObjection(boolean objects, Instant at) {
        if (patientId == null || at == null) {
            return false;
        }
        if (objectionRecordedAt != null && at.isBefore(objectionRecordedAt)) {
            return false;
        }
        this.patientObjectsToGpReport = objects;
        this.objectionRecordedAt = at;
        return true;
    }

    // --- what the specialist does ---------------------------------------------------------------

    /** The specialist read the dossier: {@code SCHEDULED} → {@code DOSSIER_READ}. */
    public void confirmDossierRead(String by, Instant at) {
        requireState(ConsultStatus.SCHEDULED, "confirm the dossier read");
        this.dossierReadAt = Objects.requireNonNull(at, "at");
        this.dossierReadBy = Objects.requireNonNull(by, "by");
        this.status = ConsultStatus.DOSSIER_READ;
    }

    /** The video consult begins: {@code DOSSIER_READ} → {@code IN_PROGRESS}. */
    public void start(Instant at) {
        requireState(ConsultStatus.DOSSIER_READ, "start the consult (the dossier is read first)");
        this.startedAt = Objects.requireNonNull(at, "at");
        this.status = ConsultStatus.IN_PROGRESS;
    }

    /** The consult took place and its report is signed: {@code IN_PROGRESS} → {@code COMPLETED}. */
    public void complete(Report report, Instant at) {
        requireState(ConsultStatus.IN_PROGRESS, "complete the consult");
        if (report == null || !report.isFinal()) {
            throw new IllegalConsultTransition(Reason.NO_FINAL_REPORT, status,
                    "A consult is completed with a signed report; sign the report first");
        }
        this.completedAt = Objects.requireNonNull(at, "at");
        this.status = ConsultStatus.COMPLETED;
        this.roomName = null;
    }

    /**
     * The patient did not show up: an upcoming consult whose start has come → {@code NO_SHOW}.
     *
     * @return how many times the patient of this referral did not show up, this one included
     */
    public int recordNoShow(Instant at) {
        if (!status.isUpcoming()) {
            throw illegal("record a no-show");
        }
        if (at.isBefore(startsAt)) {
            throw new IllegalConsultTransition(Reason.ILLEGAL_TRANSITION, status,
                    "A no-show can be recorded once the consult's start time has come");
        }
        this.noShowAt = at;
        this.noShowCount++;
        this.startedAt = null;
        this.status = ConsultStatus.NO_SHOW;
        this.roomName = null;
        return noShowCount;
    }

    /** A new room replaces the open one; only an upcoming consult has a room. */
    public void roomIssued(String name) {
        if (!status.isUpcoming()) {
            throw illegal("issue a video room");
        }
        this.roomName = Objects.requireNonNull(name, "name");
    }

    /** The patient's invitation (first one) was queued. */
    public void invited(Instant at) {
        if (invitedAt == null) {
            this.invitedAt = at;
        }
    }

    /**
     * Starts or rewrites the draft report. Allowed while the consult is upcoming (the specialist may
     * prepare it) or in progress; the report belongs to the consult's specialist.
     *
     * @param existing the consult's report, null when there is none yet
     * @return the report to persist (the existing one, changed, or a new one)
     */
    public Report draftReport(Report existing, ReportContent content, Instant at) {
        requireReportEditable();
        if (existing == null) {
            return Report.draft(referralId, specialistAgb, content, at);
        }
        existing.revise(content, at, status);
        return existing;
    }

    /** Signs the draft report; the consult must be in progress (the report is of a consult that took place). */
    public void signReport(Report report, String subject, String name, String agb, Instant at) {
        if (status == ConsultStatus.CANCELLED) {
            throw cancelled();
        }
        if (status == ConsultStatus.COMPLETED || (report != null && report.isFinal())) {
            throw new IllegalConsultTransition(Reason.REPORT_FINAL, status,
                    "The report is signed and final; corrections are addenda");
        }
        if (report == null) {
            throw new IllegalConsultTransition(Reason.NO_DRAFT, status, "There is no draft report to sign; save one first");
        }
        requireState(ConsultStatus.IN_PROGRESS, "sign the report (the consult is started first)");
        report.sign(subject, name, agb, at, status);
    }

    /** A signed addendum to the final report of a completed consult. */
    public ReportAddendum addAddendum(Report report, int existingAddenda, String text, String subject, String name,
            String agb, Instant at) {
        if (status == ConsultStatus.CANCELLED) {
            throw cancelled();
        }
        if (status != ConsultStatus.COMPLETED || report == null || !report.isFinal()) {
            throw new IllegalConsultTransition(Reason.NO_FINAL_REPORT, status,
                    "Addenda are added to the final report of a completed consult");
        }
        return ReportAddendum.next(referralId, existingAddenda + 1, text, subject, name, agb, at);
    }

    private void requireReportEditable() {
        switch (status) {
            case AWAITING_INTAKE, AWAITING_BOOKING -> throw new IllegalConsultTransition(Reason.NOT_READY, status,
                    "The consult is not ready for a report: it is " + status);
            case CANCELLED -> throw cancelled();
            case COMPLETED -> throw new IllegalConsultTransition(Reason.REPORT_FINAL, status,
                    "The report is signed and final; corrections are addenda");
            case NO_SHOW -> throw illegal("write a report (the patient did not show up)");
            case SCHEDULED, DOSSIER_READ, IN_PROGRESS -> {
            }
        }
    }

    private void requireState(ConsultStatus required, String what) {
        if (status == ConsultStatus.CANCELLED) {
            throw cancelled();
        }
        if (status != required) {
            throw illegal(what);
        }
    }

    private IllegalConsultTransition illegal(String what) {
        return new IllegalConsultTransition(Reason.ILLEGAL_TRANSITION, status,
                "Cannot " + what + ": the consult is " + status);
    }

    private IllegalConsultTransition cancelled() {
        return new IllegalConsultTransition(Reason.CANCELLED, status,
                "The consult was cancelled; nothing more can be done with it");
    }

    // --- questions ------------------------------------------------------------------------------

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

    public PatientDetails patient() {
        return new PatientDetails(patientName, patientBirthDate, null, patientPhone, patientEmail);
    }

    private void requireSameReferral(UUID referral) {
        if (!referralId.equals(referral)) {
            throw new IllegalArgumentException("An event of another referral");
        }
    }

    public UUID referralId() { return referralId; }
    public long version() { return version; }
    public UUID consultId() { return consultId; }
    public UUID patientId() { return patientId; }
    public ConsultStatus status() { return status; }
    public String patientName() { return patientName; }
    public String patientEmail() { return patientEmail; }
    public String preferredLanguage() { return preferredLanguage; }
    public String clarifiedQuestion() { return clarifiedQuestion; }
    public List<IntakeReason> reasons() { return reasons; }
    public String requestedSpecialty() { return requestedSpecialty; }
    public String treatingHospital() { return treatingHospital; }
    public String treatingSpecialist() { return treatingSpecialist; }
    public String referrerAgb() { return referrerAgb; }
    public boolean patientObjectsToGpReport() { return patientObjectsToGpReport; }
    public Instant objectionRecordedAt() { return objectionRecordedAt; }
    public String specialistAgb() { return specialistAgb; }
    public String specialistName() { return specialistName; }
    public String specialistSpecialty() { return specialistSpecialty; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public String roomName() { return roomName; }
    public Instant invitedAt() { return invitedAt; }
    public Instant dossierReadAt() { return dossierReadAt; }
    public String dossierReadBy() { return dossierReadBy; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
    public Instant noShowAt() { return noShowAt; }
    public int noShowCount() { return noShowCount; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancelledBy() { return cancelledBy; }
    public String cancellationReasonCode() { return cancellationReasonCode; }
}
