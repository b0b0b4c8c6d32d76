package nl.consilium.benchmarks.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.consilium.scheduling.domain.matching.Bookings;

/**
 * An immutable view of what is booked, as the service would hold it in memory: per specialist the
 * sorted booked slot starts (epoch seconds) and the consults per ISO week of the generated 12 weeks.
 */
public final class SnapshotBookings implements Bookings {

    private record Booked(long[] starts, int[] perWeek) {
    }

    private final Map<String, Booked> byAgb;

    public SnapshotBookings(Map<String, List<Instant>> taken) {
        Map<String, Booked> map = new HashMap<>(taken.size() * 2);
        taken.forEach((agb, starts) -> {
            long[] seconds = starts.stream().mapToLong(Instant::getEpochSecond).sorted().toArray();
            int[] perWeek = new int[GeneratedRegistry.WEEKS + 4];
            for (Instant start : starts) {
                int week = week(GeneratedRegistry.CALENDAR.dateOf(start));
                if (week >= 0 && week < perWeek.length) {
                    perWeek[week]++;
                }
            }
            map.put(agb, new Booked(seconds, perWeek));
        });
        this.byAgb = map;
    }

    @Override
    public boolean isTaken(String specialistAgb, Instant slotStart) {
        Booked booked = byAgb.get(specialistAgb);
        return booked != null && java.util.Arrays.binarySearch(booked.starts, slotStart.getEpochSecond()) >= 0;
    }

    @Override
    public int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek) {
        Booked booked = byAgb.get(specialistAgb);
        int week = week(anyDayOfIsoWeek);
        return booked == null || week < 0 || week >= booked.perWeek.length ? 0 : booked.perWeek[week];
    }

    /** One lookup per specialist instead of one per slot (the engine asks once per specialist per match). */
    @Override
    public OfSpecialist ofSpecialist(String specialistAgb) {
        Booked booked = byAgb.get(specialistAgb);
        if (booked == null) {
            return Bookings.none().ofSpecialist(specialistAgb);
        }
        return new OfSpecialist() {
            @Override
            public boolean isTaken(long slotStartEpochSecond) {
                return java.util.Arrays.binarySearch(booked.starts, slotStartEpochSecond) >= 0;
            }

            @Override
            public int consultsInWeek(LocalDate anyDayOfIsoWeek) {
                int week = week(anyDayOfIsoWeek);
                return week < 0 || week >= booked.perWeek.length ? 0 : booked.perWeek[week];
            }
        };
    }

    /** Weeks since the Monday the registry starts (ISO weeks: the generated registry starts on a Monday). */
    static int week(LocalDate date) {
        return (int) Math.floorDiv(date.toEpochDay() - FIRST_EPOCH_DAY, 7L);
    }

    private static final long FIRST_EPOCH_DAY = GeneratedRegistry.FIRST_DAY.toEpochDay();
}
