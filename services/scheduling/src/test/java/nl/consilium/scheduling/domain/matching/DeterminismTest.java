package nl.consilium.scheduling.domain.matching;

import static nl.consilium.scheduling.domain.matching.MatchingFixtures.MATCHER;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.patient;
import static nl.consilium.scheduling.domain.matching.MatchingFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same inputs give the same choice and rationale, whatever order the registry, the windows and
 * the organisations were given in. The registry is generated so that many candidates tie on the
 * earliest slot (same windows): only the load and the AGB tell them apart.
 */
class DeterminismTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void shuffledInputsGiveTheSameResult(long seed) {
        Generated generated = generate(seed);
        MatchRequest request = request().focus("rhythm").language("nl").treating("99999999", "org-3", "org-7")
                .patient(patient(DayOfWeek.WEDNESDAY, "09:00", "12:00"), patient(DayOfWeek.MONDAY, "13:00", "17:00")).build();

        MatchResult reference = MATCHER.match(request, generated.registry(new Random(0), false), generated.bookings);
        for (int i = 1; i <= 5; i++) {
            RegistrySnapshot shuffled = generated.registry(new Random(seed * 31 + i), true);
            MatchResult again = MATCHER.match(request, shuffled, generated.bookings);
            assertThat(again).isEqualTo(reference);
        }
        assertThat(MATCHER.match(request, generated.registry(new Random(0), false), generated.bookings)).isEqualTo(reference);
        assertThat(reference.choice()).isPresent();
        assertThat(reference.rationale()).hasSize(generated.profiles.size());
    }

    @Test
    void tiesOnTimeAreDecidedByLoadThenAgbNotByInputOrder() {
        List<MatchingFixtures.Spec> specs = new ArrayList<>();
        for (String agb : List.of("4000", "1000", "3000", "2000")) {
            specs.add(MatchingFixtures.spec(agb));
        }
        TestBookings bookings = new TestBookings().load("1000", "2026-03-03", 2).load("2000", "2026-03-03", 1)
                .load("3000", "2026-03-03", 1).load("4000", "2026-03-03", 3);

        for (int i = 0; i < 10; i++) {
            Collections.shuffle(specs, new Random(i));
            MatchResult result = MATCHER.match(request().build(), MatchingFixtures.registry(specs), bookings);
            assertThat(result.rationale()).extracting(CandidateRationale::specialistAgb).containsExactly("2000", "3000", "1000", "4000");
        }
    }

    private record Generated(List<SpecialistProfile> profiles, Map<String, Availability> availability, Bookings bookings) {

        RegistrySnapshot registry(Random random, boolean shuffle) {
            List<SpecialistProfile> list = new ArrayList<>(profiles);
            Map<String, Availability> map = availability;
            if (shuffle) {
                Collections.shuffle(list, random);
                list.replaceAll(p -> new SpecialistProfile(p.agb(), p.name(), p.specialty(), shuffled(p.focusAreas(), random),
                        shuffled(p.organisations(), random), shuffled(p.languages(), random), p.maxConsultsPerWeek(), p.active()));
                Map<String, Availability> reordered = new LinkedHashMap<>();
                List<String> keys = new ArrayList<>(availability.keySet());
                Collections.shuffle(keys, random);
                for (String key : keys) {
                    Availability a = availability.get(key);
                    reordered.put(key, new Availability(shuffledList(a.weekly(), random), shuffledList(a.additions(), random),
                            shuffledList(a.absences(), random)));
                }
                map = reordered;
            }
            return RegistrySnapshot.of(list, map);
        }

        private static <T> Set<T> shuffled(Set<T> set, Random random) {
            return new java.util.LinkedHashSet<>(shuffledList(new ArrayList<>(set), random));
        }

        private static <T> List<T> shuffledList(List<T> list, Random random) {
            List<T> copy = new ArrayList<>(list);
            Collections.shuffle(copy, random);
            return copy;
        }
    }

    private static Generated generate(long seed) {
        Random random = new Random(seed);
        List<SpecialistProfile> profiles = new ArrayList<>();
        Map<String, Availability> availability = new HashMap<>();
        Set<String> taken = new HashSet<>();
        Map<String, Integer> loads = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            String agb = String.format("%08d", 10_000_000 + random.nextInt(89_999_999));
            if (availability.containsKey(agb)) {
                continue;
            }
            Set<String> organisations = new HashSet<>();
            for (int o = 0, n = 1 + random.nextInt(3); o < n; o++) {
                organisations.add("org-" + random.nextInt(40));
            }
            Set<String> focus = random.nextInt(4) == 0 ? Set.of("rhythm", "valves") : Set.of("heart-failure");
            Set<String> languages = random.nextInt(5) == 0 ? Set.of("nl", "en") : Set.of("nl");
            profiles.add(new SpecialistProfile(agb, "Dr. " + i, "cardiology", focus, organisations, languages,
                    2 + random.nextInt(4), random.nextInt(10) != 0));
            List<WeeklyWindow> weekly = new ArrayList<>();
            // few distinct windows: ties on the earliest slot are common
            weekly.add(new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(5)), LocalTime.of(9, 0), LocalTime.of(12, 0)));
            weekly.add(new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(5)), LocalTime.of(13, 0), LocalTime.of(17, 0)));
            List<Absence> absences = random.nextInt(6) == 0
                    ? List.of(new Absence(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-06"), "congress")) : List.of();
            availability.put(agb, new Availability(weekly, List.of(), absences));
            for (int s = 0; s < 6; s++) {
                if (random.nextBoolean()) {
                    taken.add(agb + "@" + MatchingFixtures.at("2026-03-0" + (3 + random.nextInt(5)) + "T09:00").plusSeconds(1800L * random.nextInt(6)));
                }
            }
            loads.put(agb, random.nextInt(4));
        }
        Bookings bookings = new Bookings() {
            @Override
            public boolean isTaken(String specialistAgb, Instant slotStart) {
                return taken.contains(specialistAgb + "@" + slotStart);
            }

            @Override
            public int consultsInWeek(String specialistAgb, LocalDate anyDayOfIsoWeek) {
                return Math.max(0, loads.getOrDefault(specialistAgb, 0) + (anyDayOfIsoWeek.isAfter(LocalDate.parse("2026-03-08")) ? -1 : 0));
            }
        };
        return new Generated(profiles, availability, bookings);
    }
}
