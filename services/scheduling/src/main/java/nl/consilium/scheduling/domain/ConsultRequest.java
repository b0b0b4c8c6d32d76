package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.MatchingFailureReason;

/**
 * The scheduling case of one suitable referral (its id is the referral id): what the intake asked for
 * (the match input, kept so that a reschedule and a coordinator's manual choice are checked by the same
 * rules) and where it stands ({@link ConsultRequestStatus}). Created once per referral, by the first
 * {@code IntakeCompleted}.
 */
@Entity
@Table(name = "consult_request")
public class ConsultRequest extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Version
    private long version;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    private String specialty;

    @Column(name = "focus_area")
    private String focusArea;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "treating_hospital")
    private String treatingHospital;

    @Column(name = "treating_specialist_agb")
    private String treatingSpecialistAgb;

    /** The patient's availability as JSON ({@code [{"day":"MONDAY","from":"09:00","to":"12:00"}]}); null = any time. */
    @Column(name = "patient_availability")
    private String patientAvailability;

    @Column(name = "consult_due_on")
    private LocalDate consultDueOn;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsultRequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_reason")
    private MatchingFailureReason failureReason;

    /** Why it waits for the coordinator, in words (no patient data). */
    private String reason;

    @Column(name = "consult_id")
    private UUID consultId;

    /** How often the patient did not show up for the referral's consult (scheduling's count; see {@link #noShow}). */
    @Column(name = "no_shows", nullable = false)
    private int noShows;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    private CancelledBy cancelledBy;

    protected ConsultRequest() {
    }

    /**
     * The case of a referral the intake nurse found suitable, before matching ({@code UNASSIGNED} until
     * the matching in the same transaction decides).
     *
     * @param consultDueOn the intake's deadline (or the one derived when an older producer sent none)
     * @param patientAvailabilityJson the patient's availability as JSON, or null for any time
     */
    public static ConsultRequest received(IntakeCompleted intake, LocalDate consultDueOn, String patientAvailabilityJson,
            Instant at) {
        ConsultRequest request = new ConsultRequest();
        request.referralId = Objects.requireNonNull(intake.referralId(), "referralId");
        request.patientId = Objects.requireNonNull(intake.patientId(), "patientId");
        request.specialty = blankToNull(intake.specialty());
        request.focusArea = blankToNull(intake.focusArea());
        request.preferredLanguage = blankToNull(intake.preferredLanguage());
        request.treatingHospital = blankToNull(intake.treatingHospital());
        request.treatingSpecialistAgb = blankToNull(intake.treatingSpecialistAgb());
        request.patientAvailability = patientAvailabilityJson;
        request.consultDueOn = consultDueOn;
        request.completedAt = intake.completedAt();
        request.status = ConsultRequestStatus.UNASSIGNED;
        request.createdAt = at;
        request.updatedAt = at;
        return request;
    }

    /** A consult is booked for it (by matching or by hand). */
    public void booked(UUID consultId, Instant at) {
        this.status = ConsultRequestStatus.BOOKED;
        this.consultId = Objects.requireNonNull(consultId, "consultId");
        this.failureReason = null;
        this.reason = null;
        this.updatedAt = at;
    }

    /** Matching found nothing by the rules: the coordinator's turn. */
    public void matchingFailed(MatchingFailureReason failure, String explanation, Instant at) {
        this.status = ConsultRequestStatus.MATCHING_FAILED;
        this.failureReason = Objects.requireNonNull(failure, "failure");
        this.reason = explanation;
        this.updatedAt = at;
    }

    /** Not booked for another reason than the rules (explained): the coordinator's turn. */
    public void unassigned(String explanation, Instant at) {
        this.status = ConsultRequestStatus.UNASSIGNED;
        this.reason = explanation;
        this.updatedAt = at;
    }

    /**
     * The patient did not show up for the consult: the count becomes {@code count} (never lower). The
     * consult id stays: a new booking (by matching or by hand) keeps it.
     */
    public void noShow(int count, Instant at) {
        this.noShows = Math.max(noShows, count);
        this.updatedAt = at;
    }

    /** The patient did not show up again: no automatic matching; the coordinator's turn. */
    public void repeatedNoShow(String explanation, Instant at) {
        this.status = ConsultRequestStatus.REPEATED_NO_SHOW;
        this.failureReason = null;
        this.reason = explanation;
        this.updatedAt = at;
    }

    /**
     * The consult or the referral was cancelled: nothing is left to do.
     *
     * @return false when it was cancelled already
     */
    public boolean cancel(Instant at, CancelledBy by) {
        if (status == ConsultRequestStatus.CANCELLED) {
            return false;
        }
        this.status = ConsultRequestStatus.CANCELLED;
        this.cancelledAt = Objects.requireNonNull(at, "at");
        this.cancelledBy = Objects.requireNonNull(by, "by");
        this.updatedAt = at;
        return true;
    }

    /** A page of the requests with one of these statuses, oldest first. */
    public static List<ConsultRequest> withStatus(Collection<ConsultRequestStatus> statuses, int page, int size) {
        return find("status in ?1 order by createdAt, referralId", statuses).page(Page.of(page, size)).list();
    }

    public static long countWithStatus(Collection<ConsultRequestStatus> statuses) {
        return count("status in ?1", statuses);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public UUID referralId() { return referralId; }
    public UUID patientId() { return patientId; }
    public String specialty() { return specialty; }
    public String focusArea() { return focusArea; }
    public String preferredLanguage() { return preferredLanguage; }
    public String treatingHospital() { return treatingHospital; }
    public String treatingSpecialistAgb() { return treatingSpecialistAgb; }
    public String patientAvailability() { return patientAvailability; }
    public LocalDate consultDueOn() { return consultDueOn; }
    public Instant completedAt() { return completedAt; }
    public ConsultRequestStatus status() { return status; }
    public MatchingFailureReason failureReason() { return failureReason; }
    public String reason() { return reason; }
    public UUID consultId() { return consultId; }
    public int noShows() { return noShows; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public CancelledBy cancelledBy() { return cancelledBy; }
    public long version() { return version; }
}
