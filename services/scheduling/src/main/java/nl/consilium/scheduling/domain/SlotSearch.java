package nl.consilium.scheduling.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the earliest free consult slot among several specialists. Slots are fixed blocks of
 * {@code slotLength} on working days, from {@code dayStarts} until {@code dayEnds} local time in
 * {@code zone} (so a 09:00 slot is 08:00 UTC in winter and 07:00 UTC in summer). The search starts
 * on the first working day after the day of {@code after} and looks {@code horizonWorkingDays}
 * working days ahead. The earliest slot wins; at the same time the lowest AGB code wins, so the
 * answer is the same whichever order the candidates come in.
 */
public final class SlotSearch {

    /** A time a specialist is booked already, from {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
    public record Booked(Instant startsAt, Instant endsAt) {
        public Booked {
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
        }
    }

    /** A specialist who may take the consult, with the times they are booked already. */
    public static final class Candidate {
        private final String agb;
        /** Booked start → latest end among bookings starting then. */
        private final NavigableMap<Instant, Instant> booked = new TreeMap<>();

        public Candidate(String agb, Collection<Booked> bookings) {
            this.agb = Objects.requireNonNull(agb, "agb");
            bookings.forEach(b -> booked.merge(b.startsAt(), b.endsAt(), (x, y) -> x.isAfter(y) ? x : y));
        }

        public String agb() {
            return agb;
        }

        /** Whether {@code [start, end)} overlaps none of the bookings. */
        boolean isFree(Instant start, Instant end) {
            // a booking that overlaps starts before the slot ends and, lasting at most MAX_BOOKING, not long before it starts
            for (Instant bookedEnd : booked.subMap(start.minus(MAX_BOOKING), true, end, false).values()) {
                if (bookedEnd.isAfter(start)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** No booking lasts longer than this; it bounds how far back {@link Candidate#isFree} looks. */
    private static final Duration MAX_BOOKING = Duration.ofDays(1);

    /** A free slot of one specialist. */
    public record Slot(String specialistAgb, Instant startsAt, Instant endsAt) {
    }

    /** The instants a search looks at: from the first day's start up to the last day's end. */
    public record Window(Instant from, Instant until) {
    }

    private final ZoneId zone;
    private final LocalTime dayStarts;
    private final LocalTime dayEnds;
    private final Duration slotLength;
    private final int horizonWorkingDays;

    public SlotSearch(ZoneId zone, LocalTime dayStarts, LocalTime dayEnds, Duration slotLength,
            int horizonWorkingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStarts = Objects.requireNonNull(dayStarts, "dayStarts");
        this.dayEnds = Objects.requireNonNull(dayEnds, "dayEnds");
        this.slotLength = Objects.requireNonNull(slotLength, "slotLength");
        if (slotLength.isNegative() || slotLength.isZero()) {
            throw new IllegalArgumentException("slotLength must be positive");
        }
        if (!dayStarts.plus(slotLength).isAfter(dayStarts) || dayStarts.plus(slotLength).isAfter(dayEnds)) {
            throw new IllegalArgumentException("a working day must hold at least one slot");
        }
        if (horizonWorkingDays < 1) {
            throw new IllegalArgumentException("horizonWorkingDays must be positive");
        }
        this.horizonWorkingDays = horizonWorkingDays;
    }

    /** The working days searched for a request made at {@code after}, in order. */
    public List<LocalDate> days(Instant after) {
        List<LocalDate> days = new ArrayList<>(horizonWorkingDays);
        LocalDate day = LocalDate.ofInstant(after, zone);
        while (days.size() < horizonWorkingDays) {
            day = WorkingWeek.nextWorkingDayAfter(day);
            days.add(day);
        }
        return days;
    }

    /** The instants a search for a request made at {@code after} can book, to load the booked slots. */
    public Window window(Instant after) {
        List<LocalDate> days = days(after);
        return new Window(days.getFirst().atTime(dayStarts).atZone(zone).toInstant(),
                days.getLast().atTime(dayEnds).atZone(zone).toInstant());
    }

    /** The slot start times of one working day, in order. */
    public List<Instant> slotStarts(LocalDate day) {
        List<Instant> starts = new ArrayList<>();
        LocalDateTime start = day.atTime(dayStarts);
        LocalDateTime end = day.atTime(dayEnds);
        while (!start.plus(slotLength).isAfter(end)) {
            starts.add(start.atZone(zone).toInstant());
            start = start.plus(slotLength);
        }
        return starts;
    }

    /** The earliest free slot of any candidate for a request made at {@code after}; empty when none is free. */
    public Optional<Slot> earliestFree(Instant after, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> byAgb = candidates.stream().sorted(Comparator.comparing(Candidate::agb)).toList();
        for (LocalDate day : days(after)) {
            for (Instant start : slotStarts(day)) {
                for (Candidate candidate : byAgb) {
                    Instant end = start.plus(slotLength);
                    if (candidate.isFree(start, end)) {
                        return Optional.of(new Slot(candidate.agb(), start, end));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
