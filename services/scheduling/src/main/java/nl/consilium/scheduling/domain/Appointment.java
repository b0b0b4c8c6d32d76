package nl.consilium.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A booked video consult of one referral with one specialist. Its id is the consult id. The database
 * holds at most one appointment per referral and books a specialist's slot at most once among the
 * appointments that are not cancelled ({@link #tryBook} relies on both). A cancelled referral's
 * appointment stays, {@link AppointmentStatus#CANCELLED} ({@link #cancel}), and no longer holds its slot.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    @Column(name = "consult_id")
    private UUID consultId;

    @Version
    private long version;

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

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected Appointment() {
    }

    /**
     * Books {@code slot} with {@code specialist} for the referral, unless the referral has an appointment
     * already or the specialist's slot was taken meanwhile (by a concurrent booking that committed
     * first): then nothing is written and the answer is empty. The insert waits for a concurrent
     * booking of the same slot or referral to finish, so two bookings never share a slot.
     *
     * @param zone the zone whose calendar day of the start is compared with the deadline
     */
    public static Optional<Appointment> tryBook(UUID referralId, UUID patientId, Specialist specialist,
            SlotSearch.Slot slot, LocalDate consultDueOn, ZoneId zone, Instant bookedAt) {
        UUID consultId = UUID.randomUUID();
        boolean withinDeadline = consultDueOn == null
                || !LocalDate.ofInstant(slot.startsAt(), zone).isAfter(consultDueOn);
        // Plain JDBC on the transaction's connection: consult_due_on may be null, which native Hibernate
        // queries cannot type. "on conflict do nothing" keeps the transaction usable after a lost race.
        int inserted = getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into appointment (consult_id, version, referral_id, patient_id, specialist_agb,
                                             specialist_name, specialty, starts_at, ends_at, consult_due_on,
                                             within_deadline, booked_at, status)
                    values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")) {
                insert.setObject(1, consultId);
                insert.setObject(2, referralId);
                insert.setObject(3, patientId);
                insert.setString(4, specialist.agb());
                insert.setString(5, specialist.name());
                insert.setString(6, specialist.specialty());
                insert.setObject(7, utc(slot.startsAt()));
                insert.setObject(8, utc(slot.endsAt()));
                if (consultDueOn == null) {
                    insert.setNull(9, Types.DATE);
                } else {
                    insert.setObject(9, consultDueOn);
                }
                insert.setBoolean(10, withinDeadline);
                insert.setObject(11, utc(bookedAt));
                insert.setString(12, AppointmentStatus.BOOKED.name());
                return insert.executeUpdate();
            }
        });
        return inserted == 0 ? Optional.empty() : Optional.of(findById(consultId));
    }

    public static Optional<Appointment> forReferral(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }

    /** The bookings of these specialists that overlap {@code [from, until)}; cancelled ones hold no slot. */
    public static List<Appointment> overlapping(Collection<String> specialistAgbs, Instant from, Instant until) {
        if (specialistAgbs.isEmpty()) {
            return List.of();
        }
        return list("specialistAgb in ?1 and startsAt < ?2 and endsAt > ?3 and status = ?4", specialistAgbs,
                until, from, AppointmentStatus.BOOKED);
    }

    /**
     * A specialist's booked appointments: those not yet over first (soonest first), then past ones
     * (latest first). Cancelled appointments are not part of the schedule.
     */
    public static List<Appointment> scheduleOf(String specialistAgb, Instant now) {
        List<Appointment> upcoming = list("specialistAgb = ?1 and endsAt > ?2 and status = ?3"
                + " order by startsAt, consultId", specialistAgb, now, AppointmentStatus.BOOKED);
        List<Appointment> past = list("specialistAgb = ?1 and endsAt <= ?2 and status = ?3"
                + " order by startsAt desc, consultId", specialistAgb, now, AppointmentStatus.BOOKED);
        return java.util.stream.Stream.concat(upcoming.stream(), past.stream()).toList();
    }

    /**
     * The referral was cancelled: the consult will not take place and the specialist's slot is free
     * for another booking. Cancelling a cancelled appointment changes nothing.
     *
     * @return false when the appointment was cancelled already
     */
    public boolean cancel(Instant at) {
        if (status == AppointmentStatus.CANCELLED) {
            return false;
        }
        this.status = AppointmentStatus.CANCELLED;
        this.cancelledAt = Objects.requireNonNull(at, "at");
        return true;
    }

    /** Whether this consult is booked with the specialist with AGB code {@code agb}. */
    public boolean isWith(String agb) {
        return specialistAgb.equals(agb);
    }

    public SlotSearch.Booked booked() {
        return new SlotSearch.Booked(startsAt, endsAt);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

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
    public Instant cancelledAt() { return cancelledAt; }
    public long version() { return version; }
}
