package nl.consilium.scheduling.domain.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bookings in memory: booked slot starts per specialist, and consults per ISO week (Amsterdam)
 * counted from them plus any extra load set per week (appointments the test does not spell out).
 * Records the weeks the engine asked about.
 */
final class TestBookings implements Bookings {

    private final Map<String, Set<Instant>> taken = new HashMap<>();
    private final Map<String, Map<LocalDate, Integer>> extraLoad = new HashMap<>();

    TestBookings book(String agb, Instant start) {
        taken.computeIfAbsent(agb, k -> new HashSet<>()).add(start);
        return this;
    }

    TestBookings book(String agb, String localStart) {
        return book(agb, MatchingFixtures.at(localStart));
    }

    /** Extra consults in the ISO week holding {@code anyDay}. */
    TestBookings load(String agb, String anyDay, int consults) {
        extraLoad.computeIfAbsent(agb, k -> new HashMap<>()).put(monday(LocalDate.parse(anyDay)), consults);
        return this;
    }

    @Override
    public boolean isTaken(String specialistAgb, Instant slotStart) {
        return taken.getOrDefault(specialistAgb, Set.of()).contains(slotStart);
    }

    @Override
    public int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek) {
        LocalDate monday = monday(anyDayOfIsoWeek);
        int count = extraLoad.getOrDefault(specialistAgb, Map.of()).getOrDefault(monday, 0);
        for (Instant start : taken.getOrDefault(specialistAgb, Set.of())) {
            if (monday(LocalDate.ofInstant(start, Matcher.ZONE)).equals(monday)) {
                count++;
            }
        }
        return count;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
