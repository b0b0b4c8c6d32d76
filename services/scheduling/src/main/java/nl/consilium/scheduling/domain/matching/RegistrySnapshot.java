package nl.consilium.scheduling.domain.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry and availability the engine matches against: immutable, indexed by specialty (each
 * specialty's specialists sorted by AGB, so nothing depends on the order they were given in), and
 * safe to share between any number of threads. The service builds one from its database and swaps
 * in a new one when the registry or availability changes; building costs a few milliseconds per
 * thousand specialists.
 *
 * <p>Availability is compiled once here: weekly windows merged per day of the week, additions per
 * date, absences as day ranges. Slots are not materialised: the {@link Matcher} cuts them on the
 * fly, only for the days it looks at.
 */
public final class RegistrySnapshot {

    private static final RegistrySnapshot EMPTY = of(List.of(), Map.of());

    private final Map<String, Entry> byAgb;
    private final Map<String, Entry[]> bySpecialty;
    /** Every (normalised) organisation of the registry, numbered: independence is then a bit test. */
    private final Map<String, Integer> organisationIds;

    private RegistrySnapshot(Map<String, Entry> byAgb, Map<String, Entry[]> bySpecialty, Map<String, Integer> organisationIds) {
        this.byAgb = byAgb;
        this.bySpecialty = bySpecialty;
        this.organisationIds = organisationIds;
    }

    /**
     * A snapshot of these specialists with their availability. A specialist without an entry in the
     * map has no availability; map entries for unknown AGB codes are ignored.
     *
     * @throws IllegalArgumentException when two specialists share an AGB code
     */
    public static RegistrySnapshot of(Collection<SpecialistProfile> specialists, Map<String, Availability> availabilityByAgb) {
        Objects.requireNonNull(specialists, "specialists");
        Objects.requireNonNull(availabilityByAgb, "availabilityByAgb");
        Map<String, Entry> byAgb = new HashMap<>(Math.max(16, specialists.size() * 2));
        Map<String, List<Entry>> grouped = new TreeMap<>();
        Map<String, Integer> organisationIds = new HashMap<>();
        for (SpecialistProfile profile : specialists) {
            Availability availability = availabilityByAgb.getOrDefault(profile.agb(), Availability.none());
            Entry entry = new Entry(profile, availability == null ? Availability.none() : availability, organisationIds);
            if (byAgb.putIfAbsent(profile.agb(), entry) != null) {
                throw new IllegalArgumentException("two specialists with AGB " + profile.agb());
            }
            grouped.computeIfAbsent(profile.specialty(), s -> new ArrayList<>()).add(entry);
        }
        Map<String, Entry[]> bySpecialty = new HashMap<>();
        grouped.forEach((specialty, entries) -> bySpecialty.put(specialty,
                entries.stream().sorted(Comparator.comparing(e -> e.profile.agb())).toArray(Entry[]::new)));
        return new RegistrySnapshot(Map.copyOf(byAgb), Map.copyOf(bySpecialty), Map.copyOf(organisationIds));
    }

    /** No specialists. */
    public static RegistrySnapshot empty() {
        return EMPTY;
    }

    /** The specialist with this AGB code. */
    public Optional<SpecialistProfile> specialist(String agb) {
        Entry entry = agb == null ? null : byAgb.get(agb);
        return entry == null ? Optional.empty() : Optional.of(entry.profile);
    }

    /** The specialists of a specialty, active or not, by AGB. */
    public List<SpecialistProfile> specialistsOf(String specialty) {
        Entry[] entries = bySpecialty.get(specialty);
        return entries == null ? List.of() : Arrays.stream(entries).map(e -> e.profile).toList();
    }

    /** The availability a specialist was given (none for an unknown AGB). */
    public Availability availability(String agb) {
        Entry entry = agb == null ? null : byAgb.get(agb);
        return entry == null ? Availability.none() : entry.availability;
    }

    /** The number of specialists. */
    public int size() {
        return byAgb.size();
    }

    Entry entry(String agb) {
        return agb == null ? null : byAgb.get(agb);
    }

    /** The number of distinct organisations. */
    int organisationCount() {
        return organisationIds.size();
    }

    /** The number of a (normalised) organisation, or -1 when no specialist works for it. */
    int organisationId(String normalisedOrganisation) {
        Integer id = organisationIds.get(normalisedOrganisation);
        return id == null ? -1 : id;
    }

    Entry[] entriesOf(String specialty) {
        Entry[] entries = specialty == null ? null : bySpecialty.get(specialty);
        return entries == null ? new Entry[0] : entries;
    }

    /** A specialist compiled for matching: normalised codes and availability as seconds of the day. */
    static final class Entry {
        final SpecialistProfile profile;
        final Availability availability;
        final Set<String> organisations;
        final int[] organisationIds;
        final Set<String> languages;
        final Set<String> focusAreas;
        /** Merged weekly windows per day of the week, index {@code DayOfWeek.getValue() - 1}. */
        final int[][] weekly = new int[7][];
        /** Dates (epoch days, ascending) with one-off additions, and their merged windows. */
        final long[] additionDays;
        final int[][] additionWindows;
        /** Absences as epoch-day ranges, inclusive. */
        final long[] absenceFrom;
        final long[] absenceTo;

        Entry(SpecialistProfile profile, Availability availability, Map<String, Integer> organisationIds) {
            this.profile = profile;
            this.availability = availability;
            this.organisations = normalised(profile.organisations());
            this.organisationIds = organisations.stream().sorted()
                    .mapToInt(o -> organisationIds.computeIfAbsent(o, k -> organisationIds.size())).toArray();
            this.languages = normalised(profile.languages());
            this.focusAreas = normalised(profile.focusAreas());
            for (int d = 0; d < 7; d++) {
                List<int[]> windows = new ArrayList<>();
                for (WeeklyWindow w : availability.weekly()) {
                    if (w.day().getValue() - 1 == d) {
                        windows.add(new int[] {w.from().toSecondOfDay(), w.to().toSecondOfDay()});
                    }
                }
                weekly[d] = Windows.merge(flatten(windows));
            }
            TreeMap<LocalDate, List<int[]>> additions = new TreeMap<>();
            for (DatedWindow w : availability.additions()) {
                additions.computeIfAbsent(w.date(), k -> new ArrayList<>())
                        .add(new int[] {w.from().toSecondOfDay(), w.to().toSecondOfDay()});
            }
            additionDays = new long[additions.size()];
            additionWindows = new int[additions.size()][];
            int i = 0;
            for (Map.Entry<LocalDate, List<int[]>> e : additions.entrySet()) {
                additionDays[i] = e.getKey().toEpochDay();
                additionWindows[i] = Windows.merge(flatten(e.getValue()));
                i++;
            }
            List<Absence> absences = availability.absences();
            absenceFrom = new long[absences.size()];
            absenceTo = new long[absences.size()];
            for (int a = 0; a < absences.size(); a++) {
                absenceFrom[a] = absences.get(a).from().toEpochDay();
                absenceTo[a] = absences.get(a).toInclusive().toEpochDay();
            }
        }

        boolean absentOn(long epochDay) {
            for (int a = 0; a < absenceFrom.length; a++) {
                if (absenceFrom[a] <= epochDay && epochDay <= absenceTo[a]) {
                    return true;
                }
            }
            return false;
        }

        /** The absence covering a date, for messages. */
        Optional<Absence> absenceOn(LocalDate date) {
            return availability.absences().stream().filter(a -> a.covers(date)).findFirst();
        }

        /** The merged windows of a date before absences and holidays: the weekly ones plus that date's additions. */
        int[] windowsOn(long epochDay, int dayOfWeekIndex) {
            int[] windows = weekly[dayOfWeekIndex];
            if (additionDays.length > 0) {
                int found = Arrays.binarySearch(additionDays, epochDay);
                if (found >= 0) {
                    windows = Windows.union(windows, additionWindows[found]);
                }
            }
            return windows;
        }

        private static int[] flatten(List<int[]> windows) {
            int[] flat = new int[windows.size() * 2];
            for (int i = 0; i < windows.size(); i++) {
                flat[2 * i] = windows.get(i)[0];
                flat[2 * i + 1] = windows.get(i)[1];
            }
            return flat;
        }

        private static Set<String> normalised(Set<String> codes) {
            Set<String> out = new HashSet<>();
            for (String code : codes) {
                if (code != null && !code.isBlank()) {
                    out.add(Windows.normalise(code));
                }
            }
            return Set.copyOf(out);
        }
    }
}
