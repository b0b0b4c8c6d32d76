package nl.consilium.scheduling.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.consilium.calendar.WorkingDayCalendar;

/**
 * The bookings in PostgreSQL, in plain JDBC on a given connection (the service passes its
 * transaction's; a second instance in the concurrency tests passes its own). The database is what
 * makes booking safe with several instances: {@link #insert} books a specialist's slot only when no
 * other {@code BOOKED} booking holds it (partial unique index {@code appointment_slot_booked_once}) and
 * a referral only when it has no booked consult ({@code appointment_one_booked_per_referral}); a
 * concurrent insert of the same slot waits for the other transaction and then does nothing when that
 * one committed. {@link #lockReferral} serialises all work on one referral across instances.
 */
public final class BookingStore {

    /** First key of the advisory locks that serialise the work on one referral ("SCHD"). */
    static final int REFERRAL_LOCK_SPACE = 0x53434844;

    private BookingStore() {
    }

    /** Waits until no other transaction (of any instance) works on this referral; held until this one ends. */
    public static void lockReferral(Connection connection, UUID referralId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, REFERRAL_LOCK_SPACE);
            lock.setInt(2, referralId.hashCode());
            lock.executeQuery().close();
        }
    }

    /**
     * The booked slots of these specialists in the whole ISO weeks (Europe/Amsterdam) from the one of
     * {@code firstDay} to the one of {@code lastDay}: enough to tell which slots are taken and how many
     * consults each specialist has in each of those weeks.
     */
    public static DatabaseBookings load(Connection connection, Collection<String> specialistAgbs, LocalDate firstDay,
            LocalDate lastDay) throws SQLException {
        if (specialistAgbs.isEmpty()) {
            return DatabaseBookings.of(List.of());
        }
        LocalDate from = DatabaseBookings.monday(firstDay);
        LocalDate until = DatabaseBookings.monday(lastDay.isBefore(firstDay) ? firstDay : lastDay).plusWeeks(1);
        List<SlotKey> booked = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select specialist_agb, starts_at from appointment
                where status = 'BOOKED' and specialist_agb = any (?) and starts_at >= ? and starts_at < ?""")) {
            Array agbs = connection.createArrayOf("varchar", specialistAgbs.toArray());
            select.setArray(1, agbs);
            select.setObject(2, utc(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
            select.setObject(3, utc(until.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    booked.add(new SlotKey(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return DatabaseBookings.of(booked);
    }

    /**
     * Inserts the booking unless its slot or its referral is booked already (then nothing is written:
     * the transaction stays usable).
     *
     * @return whether it was inserted
     */
    public static boolean insert(Connection connection, NewBooking b) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appointment (booking_id, consult_id, version, referral_id, patient_id, specialist_agb,
                                         specialist_name, specialty, starts_at, ends_at, consult_due_on,
                                         within_deadline, booked_at, status, assigned_by, assigned_by_user,
                                         deadline_overridden, override_reason, rescheduled_from)
                values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?, ?)
                on conflict do nothing""")) {
            insert.setObject(1, b.bookingId());
            insert.setObject(2, b.consultId());
            insert.setObject(3, b.referralId());
            insert.setObject(4, b.patientId());
            insert.setString(5, b.specialistAgb());
            insert.setString(6, b.specialistName());
            insert.setString(7, b.specialty());
            insert.setObject(8, utc(b.startsAt()));
            insert.setObject(9, utc(b.endsAt()));
            if (b.consultDueOn() == null) {
                insert.setNull(10, Types.DATE);
            } else {
                insert.setObject(10, b.consultDueOn());
            }
            insert.setBoolean(11, b.withinDeadline());
            insert.setObject(12, utc(b.bookedAt()));
            insert.setString(13, b.assignedBy().name());
            insert.setString(14, b.assignedByUser());
            insert.setBoolean(15, b.deadlineOverridden());
            insert.setString(16, b.overrideReason());
            insert.setObject(17, b.rescheduledFrom(), Types.OTHER);
            return insert.executeUpdate() == 1;
        }
    }

    /** Whether the referral has a booked consult. */
    public static boolean hasBooked(Connection connection, UUID referralId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from appointment where referral_id = ? and status = 'BOOKED'")) {
            select.setObject(1, referralId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
