package nl.consilium.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.scheduling.domain.AssignedBy;
import nl.consilium.scheduling.domain.matching.Slot;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;

/**
 * One booking to insert ({@link BookingStore#insert}): a consult of a referral with a specialist in a slot.
 *
 * @param withinDeadline false when the slot's day (Europe/Amsterdam) is after {@code consultDueOn}
 * @param rescheduledFrom the booking this one replaces (a reschedule), or null
 */
public record NewBooking(UUID bookingId, UUID consultId, UUID referralId, UUID patientId, String specialistAgb,
        String specialistName, String specialty, Instant startsAt, Instant endsAt, LocalDate consultDueOn,
        boolean withinDeadline, Instant bookedAt, AssignedBy assignedBy, String assignedByUser,
        boolean deadlineOverridden, String overrideReason, UUID rescheduledFrom) {

    public NewBooking {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(consultId, "consultId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(specialistAgb, "specialistAgb");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(assignedBy, "assignedBy");
    }

    /** What every booking of one consult shares; {@link #at} completes it with a specialist and slot. */
    public record Template(UUID consultId, UUID referralId, UUID patientId, LocalDate consultDueOn, Instant bookedAt,
            AssignedBy assignedBy, String assignedByUser, UUID rescheduledFrom) {

        public NewBooking at(SpecialistProfile specialist, Slot slot, boolean deadlineOverridden, String overrideReason) {
            boolean within = consultDueOn == null
                    || !LocalDate.ofInstant(slot.start(), WorkingDayCalendar.ZONE).isAfter(consultDueOn);
            return new NewBooking(UUID.randomUUID(), consultId, referralId, patientId, specialist.agb(),
                    specialist.name(), specialist.specialty(), slot.start(), slot.end(), consultDueOn, within, bookedAt,
                    assignedBy, assignedByUser, deadlineOverridden, deadlineOverridden ? overrideReason : null,
                    rescheduledFrom);
        }
    }
}
