package nl.consilium.scheduling.domain;

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
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One booking of a specialist's slot for the consult of a referral. A consult keeps its consult id for
 * life; when it is rescheduled its booking becomes {@link AppointmentStatus#RESCHEDULED}
 * ({@link #movedAway}) and a new booking of the same consult holds the new slot; when the patient did
 * not show up it becomes {@link AppointmentStatus#NO_SHOW} ({@link #noShow}). The database holds at
 * most one {@code BOOKED} booking per referral and per specialist's slot (partial unique indexes): a
 * booking is inserted by the service's booking store with {@code on conflict do nothing}, which is how
 * concurrent bookings of one slot learn that they lost it.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    private UUID bookingId;

    @Version
    private long version;

    @Column(name = "consult_id", nullable = false)
    private UUID consultId;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "specialist_agb", nullable = false)
    private String specialistAgb;

    @Column(name = "specialist_name", nullable = false)
    private String specialistName;

    @Column(nullable = false)
    private String specialty;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "consult_due_on")
    private LocalDate consultDueOn;

    @Column(name = "within_deadline", nullable = false)
    private boolean withinDeadline;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "assigned_by", nullable = false)
    private AssignedBy assignedBy;

    /** The coordinator (token subject) who assigned or moved it by hand. */
    @Column(name = "assigned_by_user")
    private String assignedByUser;

    @Column(name = "deadline_overridden", nullable = false)
    private boolean deadlineOverridden;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    private CancelledBy cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "rescheduled_at")
    private Instant rescheduledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reschedule_requested_by")
    private RequestedBy rescheduleRequestedBy;

    @Column(name = "reschedule_reason")
    private String rescheduleReason;

    /** When consult recorded that the patient did not show up (consult's clock). */
    @Column(name = "no_show_at")
    private Instant noShowAt;

    /** The booking this one replaced when the consult was rescheduled (or planned again after a no-show). */
    @Column(name = "rescheduled_from")
    private UUID rescheduledFrom;

    protected Appointment() {
    }

    /** The referral's booked consult, if any. */
    public static Optional<Appointment> booked(UUID referralId) {
        return find("referralId = ?1 and status = ?2", referralId, AppointmentStatus.BOOKED).firstResultOptional();
    }

    /** The referral's booked consult, or else its last booking (cancelled, moved or a no-show). */
    public static Optional<Appointment> current(UUID referralId) {
        return find("referralId = ?1 order by case when status = ?2 then 0 else 1 end, bookedAt desc, bookingId",
                referralId, AppointmentStatus.BOOKED).firstResultOptional();
    }

    /** The booking of this consult of the referral at {@code startsAt}, whatever became of it. */
    public static Optional<Appointment> of(UUID referralId, UUID consultId, Instant startsAt) {
        return find("referralId = ?1 and consultId = ?2 and startsAt = ?3 order by bookedAt desc, bookingId",
                referralId, consultId, startsAt).firstResultOptional();
    }

    /** How many of the referral's bookings the patient did not show up for. */
    public static long noShows(UUID referralId) {
        return count("referralId = ?1 and status = ?2", referralId, AppointmentStatus.NO_SHOW);
    }

    /** Every booking of the referral, oldest first. */
    public static List<Appointment> history(UUID referralId) {
        return list("referralId = ?1 order by bookedAt, bookingId", referralId);
    }

    /** The booked consults of one specialist starting in {@code [from, to)}, soonest first. */
    public static List<Appointment> agenda(String specialistAgb, Instant from, Instant to) {
        return list("specialistAgb = ?1 and status = ?2 and startsAt >= ?3 and startsAt < ?4 order by startsAt",
                specialistAgb, AppointmentStatus.BOOKED, from, to);
    }

    /** The booked consults of these referrals. */
    public static List<Appointment> bookedFor(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return list("referralId in ?1 and status = ?2", referralIds, AppointmentStatus.BOOKED);
    }

    /**
     * The consult will not take place; the slot is free again. Cancelling a booking that does not hold
     * its slot any more changes nothing.
     *
     * @return false when it was not booked
     */
    public boolean cancel(Instant at, CancelledBy by, String reason) {
        if (status != AppointmentStatus.BOOKED) {
            return false;
        }
        this.status = AppointmentStatus.CANCELLED;
        this.cancelledAt = Objects.requireNonNull(at, "at");
        this.cancelledBy = Objects.requireNonNull(by, "by");
        this.cancelReason = reason;
        return true;
    }

    /** The consult moves to another slot (a new booking); this slot is free again. */
    public void movedAway(Instant at, RequestedBy requestedBy, String reason) {
        if (status != AppointmentStatus.BOOKED) {
            throw new IllegalStateException("only a booked consult can be moved");
        }
        this.status = AppointmentStatus.RESCHEDULED;
        this.rescheduledAt = Objects.requireNonNull(at, "at");
        this.rescheduleRequestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.rescheduleReason = reason;
    }

    /**
     * The patient did not show up for this booking: it ends, holding neither its slot nor the referral
     * (the referral may be booked again).
     *
     * @param at when consult recorded it
     * @return false when it was not booked (moved, cancelled, or a no-show already): nothing changed
     */
    public boolean noShow(Instant at) {
        if (status != AppointmentStatus.BOOKED) {
            return false;
        }
        this.status = AppointmentStatus.NO_SHOW;
        this.noShowAt = Objects.requireNonNull(at, "at");
        return true;
    }

    /** Whether this consult is booked with the specialist with AGB code {@code agb}. */
    public boolean isWith(String agb) {
        return specialistAgb.equals(agb);
    }

    public boolean isBooked() {
        return status == AppointmentStatus.BOOKED;
    }

    public UUID bookingId() { return bookingId; }
    public UUID consultId() { return consultId; }
    public UUID referralId() { return referralId; }
    public UUID patientId() { return patientId; }
    public String specialistAgb() { return specialistAgb; }
    public String specialistName() { return specialistName; }
    public String specialty() { return specialty; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public LocalDate consultDueOn() { return consultDueOn; }
    public boolean withinDeadline() { return withinDeadline; }
    public Instant bookedAt() { return bookedAt; }
    public AppointmentStatus status() { return status; }
    public AssignedBy assignedBy() { return assignedBy; }
    public String assignedByUser() { return assignedByUser; }
    public boolean deadlineOverridden() { return deadlineOverridden; }
    public String overrideReason() { return overrideReason; }
    public Instant cancelledAt() { return cancelledAt; }
    public CancelledBy cancelledBy() { return cancelledBy; }
    public String cancelReason() { return cancelReason; }
    public Instant rescheduledAt() { return rescheduledAt; }
    public RequestedBy rescheduleRequestedBy() { return rescheduleRequestedBy; }
    public String rescheduleReason() { return rescheduleReason; }
    public Instant noShowAt() { return noShowAt; }
    public UUID rescheduledFrom() { return rescheduledFrom; }
    public long version() { return version; }
}
