package nl.consilium.scheduling.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.scheduling.domain.matching.Bookings;

/**
 * What is booked, as read from the database for one match ({@link BookingStore#load}): the booked
 * slots of some specialists in some whole ISO weeks, plus slots to treat as taken (one the service
 * just lost to another booking, or the slot a reschedule moves away from). Immutable.
 */
public final class DatabaseBookings implements Bookings {

    private final Set<SlotKey> booked;
    private final Map<String, Map<LocalDate, Integer>> perWeek;
    private final Set<SlotKey> alsoTaken;

    DatabaseBookings(Set<SlotKey> booked, Map<String, Map<LocalDate, Integer>> perWeek, Set<SlotKey> alsoTaken) {
        this.booked = booked;
        this.perWeek = perWeek;
        this.alsoTaken = alsoTaken;
    }

    static DatabaseBookings of(Collection<SlotKey> bookedSlots) {
        Set<SlotKey> booked = new HashSet<>();
        Map<String, Map<LocalDate, Integer>> perWeek = new HashMap<>();
        for (SlotKey slot : bookedSlots) {
            if (booked.add(slot)) {
                perWeek.computeIfAbsent(slot.specialistAgb(), k -> new HashMap<>())
                        .merge(monday(LocalDate.ofInstant(slot.start(), WorkingDayCalendar.ZONE)), 1, Integer::sum);
            }
        }
        return new DatabaseBookings(booked, perWeek, Set.of());
    }

    /** The same bookings with these slots taken as well (not counted in the weekly load). */
    public DatabaseBookings alsoTaken(Collection<SlotKey> slots) {
        Set<SlotKey> taken = new HashSet<>(alsoTaken);
        taken.addAll(slots);
        return new DatabaseBookings(booked, perWeek, Set.copyOf(taken));
    }

    @Override
    public boolean isTaken(String specialistAgb, Instant slotStart) {
        SlotKey key = new SlotKey(specialistAgb, slotStart);
        return booked.contains(key) || alsoTaken.contains(key);
    }

    @Override
    public int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek) {
        return perWeek.getOrDefault(specialistAgb, Map.of()).getOrDefault(monday(anyDayOfIsoWeek), 0);
    }

    /** How many booked slots were read. */
    public int size() {
        return booked.size();
    }

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
