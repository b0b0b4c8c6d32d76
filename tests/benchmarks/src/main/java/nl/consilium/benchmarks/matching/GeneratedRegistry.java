package nl.consilium.benchmarks.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.scheduling.domain.matching.Absence;
import nl.consilium.scheduling.domain.matching.Availability;
import nl.consilium.scheduling.domain.matching.Bookings;
import nl.consilium.scheduling.domain.matching.DatedWindow;
import nl.consilium.scheduling.domain.matching.MatchRequest;
import nl.consilium.scheduling.domain.matching.Matcher;
import nl.consilium.scheduling.domain.matching.MatchingSettings;
import nl.consilium.scheduling.domain.matching.PatientWindow;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot;
import nl.consilium.scheduling.domain.matching.SlotView;
import nl.consilium.scheduling.domain.matching.SpecialistProfile;
import nl.consilium.scheduling.domain.matching.WeeklyWindow;

/**
 * A seeded, realistic registry for the matching benchmarks: {@code specialties × perSpecialty}
 * specialists (default 40 × 250 = 10,000) over 12 weeks from Monday 23 November 2026 (so Christmas,
 * Boxing Day and New Year's Day fall inside), and the bookings of those 12 weeks.
 *
 * <ul>
 *   <li>organisations: 150 hospitals/groups; each specialist works for 1–3 of them;</li>
 *   <li>languages: everyone speaks Dutch; 35% also English, 8% German, 4% Turkish, 3% Arabic, 3% Polish;</li>
 *   <li>focus areas: 8 per specialty, 1–3 each;</li>
 *   <li>weekly windows: 2–4 half-days (09:00–12:30 or 13:00–16:30, 7 slots of 30 minutes each);
 *       10% have a one-off extra half-day, 30% an absence of 3–10 days;</li>
 *   <li>weekly maximum: 4–14 consults;</li>
 *   <li>bookings: every slot of the 12 weeks is taken with probability {@code takenFraction}
 *       (default 0.5) as long as the specialist's week is under its maximum; the fraction of slots
 *       actually taken is reported ({@link #takenSlots}).</li>
 * </ul>
 * Requests: a uniformly chosen specialty; 60% ask for one of its focus areas; language 80% nl,
 * 10% any, 4% en, 2% each de/tr/ar; the treating specialist is one of the specialty (60%) or unknown,
 * with 1–2 organisations; patient availability any time (50%), two weekday half-days (35%) or one
 * afternoon (15%); {@code now} on a working day in the first three weeks, and the deadline the
 * calendar gives (10 working days).
 */
public final class GeneratedRegistry {

    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 23);
    public static final int WEEKS = 12;
    public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.dutch();
    public static final Matcher MATCHER = new Matcher(CALENDAR, MatchingSettings.defaults());

    private static final String[] SPECIALTIES = {"ophthalmology", "ent", "surgery", "plastic-surgery", "orthopaedics",
            "urology", "gynaecology", "neurosurgery", "dermatology", "internal-medicine", "paediatrics", "gastroenterology",
            "cardiology", "pulmonology", "rheumatology", "allergology", "rehabilitation", "cardiothoracic-surgery", "psychiatry",
            "neurology", "geriatrics", "radiotherapy", "radiology", "anaesthesiology", "nuclear-medicine", "pathology",
            "clinical-genetics", "medical-microbiology", "clinical-chemistry", "sports-medicine", "emergency-medicine",
            "oral-surgery", "vascular-surgery", "oncology", "haematology", "nephrology", "endocrinology", "infectiology",
            "intensive-care", "occupational-medicine"};
    private static final LocalTime[][] HALF_DAYS = {{LocalTime.of(9, 0), LocalTime.of(12, 30)}, {LocalTime.of(13, 0), LocalTime.of(16, 30)}};

    public final List<SpecialistProfile> specialists;
    public final Map<String, Availability> availability;
    public final RegistrySnapshot snapshot;
    public final Map<String, List<String>> agbsBySpecialty;
    public final Map<String, List<String>> focusBySpecialty;
    /** Booked slot starts per AGB at generation. */
    public final Map<String, List<Instant>> taken;
    public final long totalSlots;
    public final long takenSlots;
    public final int organisations = 150;

    private GeneratedRegistry(List<SpecialistProfile> specialists, Map<String, Availability> availability,
            Map<String, List<String>> agbsBySpecialty, Map<String, List<String>> focusBySpecialty, Map<String, List<Instant>> taken,
            long totalSlots, long takenSlots) {
        this.specialists = specialists;
        this.availability = availability;
        this.snapshot = RegistrySnapshot.of(specialists, availability);
        this.agbsBySpecialty = agbsBySpecialty;
        this.focusBySpecialty = focusBySpecialty;
        this.taken = taken;
        this.totalSlots = totalSlots;
        this.takenSlots = takenSlots;
    }

    public static int specialtyCount() {
        return SPECIALTIES.length;
    }

    public static GeneratedRegistry generate(long seed, int specialties, int perSpecialty, double takenFraction) {
        if (specialties > SPECIALTIES.length) {
            throw new IllegalArgumentException("at most " + SPECIALTIES.length + " specialties");
        }
        Random random = new Random(seed);
        List<SpecialistProfile> specialists = new ArrayList<>();
        Map<String, Availability> availability = new HashMap<>();
        Map<String, List<String>> agbsBySpecialty = new HashMap<>();
        Map<String, List<String>> focusBySpecialty = new HashMap<>();
        int agb = 10_000_000;
        for (int s = 0; s < specialties; s++) {
            String specialty = SPECIALTIES[s];
            List<String> focus = new ArrayList<>();
            for (int f = 0; f < 8; f++) {
                focus.add(specialty + "-focus-" + f);
            }
            focusBySpecialty.put(specialty, focus);
            List<String> agbs = new ArrayList<>();
            for (int i = 0; i < perSpecialty; i++) {
                agb += 1 + random.nextInt(500);
                String code = Integer.toString(agb);
                agbs.add(code);
                Set<String> organisations = new LinkedHashSet<>();
                for (int o = 0, n = 1 + random.nextInt(3); o < n; o++) {
                    organisations.add("org-" + random.nextInt(150));
                }
                Set<String> languages = new LinkedHashSet<>(List.of("nl"));
                if (random.nextDouble() < 0.35) languages.add("en");
                if (random.nextDouble() < 0.08) languages.add("de");
                if (random.nextDouble() < 0.04) languages.add("tr");
                if (random.nextDouble() < 0.03) languages.add("ar");
                if (random.nextDouble() < 0.03) languages.add("pl");
                Set<String> focusAreas = new LinkedHashSet<>();
                for (int f = 0, n = 1 + random.nextInt(3); f < n; f++) {
                    focusAreas.add(focus.get(random.nextInt(focus.size())));
                }
                boolean active = random.nextDouble() >= 0.03;
                specialists.add(new SpecialistProfile(code, "Specialist " + code, specialty, focusAreas, organisations, languages,
                        4 + random.nextInt(11), active));
                availability.put(code, availability(random));
            }
            agbsBySpecialty.put(specialty, agbs);
        }
        // Bookings: walk every slot of the 12 weeks.
        RegistrySnapshot snapshot = RegistrySnapshot.of(specialists, availability);
        Instant from = FIRST_DAY.atStartOfDay(Matcher.ZONE).toInstant();
        Instant to = FIRST_DAY.plusWeeks(WEEKS).atStartOfDay(Matcher.ZONE).toInstant();
        Map<String, List<Instant>> taken = new HashMap<>();
        long total = 0;
        long booked = 0;
        for (SpecialistProfile profile : specialists) {
            List<Instant> mine = new ArrayList<>();
            int[] perWeek = new int[WEEKS + 1];
            for (SlotView view : MATCHER.slots(profile.agb(), from, to, snapshot, Bookings.none())) {
                total++;
                int week = (int) ChronoUnit.WEEKS.between(FIRST_DAY, CALENDAR.dateOf(view.slot().start()));
                if (random.nextDouble() < takenFraction && perWeek[week] < profile.maxConsultsPerWeek()) {
                    perWeek[week]++;
                    mine.add(view.slot().start());
                    booked++;
                }
            }
            taken.put(profile.agb(), mine);
        }
        return new GeneratedRegistry(specialists, availability, agbsBySpecialty, focusBySpecialty, taken, total, booked);
    }

    private static Availability availability(Random random) {
        List<WeeklyWindow> weekly = new ArrayList<>();
        Set<Integer> chosen = new LinkedHashSet<>();
        int halfDays = 2 + random.nextInt(3);
        while (chosen.size() < halfDays) {
            chosen.add(random.nextInt(10)); // Monday morning … Friday afternoon
        }
        for (int halfDay : chosen) {
            LocalTime[] hours = HALF_DAYS[halfDay % 2];
            weekly.add(new WeeklyWindow(DayOfWeek.of(1 + halfDay / 2), hours[0], hours[1]));
        }
        List<DatedWindow> additions = new ArrayList<>();
        if (random.nextDouble() < 0.10) {
            LocalTime[] hours = HALF_DAYS[random.nextInt(2)];
            additions.add(new DatedWindow(FIRST_DAY.plusDays(random.nextInt(WEEKS * 7)), hours[0], hours[1]));
        }
        List<Absence> absences = new ArrayList<>();
        if (random.nextDouble() < 0.30) {
            LocalDate start = FIRST_DAY.plusDays(random.nextInt(WEEKS * 7));
            absences.add(new Absence(start, start.plusDays(2 + random.nextInt(8)), "leave"));
        }
        return new Availability(weekly, additions, absences);
    }

    /** {@code count} seeded requests as described in the class documentation. */
    public List<MatchRequest> requests(long seed, int count) {
        Random random = new Random(seed);
        List<String> specialties = new ArrayList<>(agbsBySpecialty.keySet());
        specialties.sort(null);
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusWeeks(3)); day = day.plusDays(1)) {
            if (CALENDAR.isWorkingDay(day)) {
                workingDays.add(day);
            }
        }
        List<MatchRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String specialty = specialties.get(random.nextInt(specialties.size()));
            requests.add(request(random, specialty, workingDays.get(random.nextInt(workingDays.size()))
                    .atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(Matcher.ZONE).toInstant()));
        }
        return requests;
    }

    /** One seeded request for a specialty, made at {@code now}. */
    public MatchRequest request(Random random, String specialty, Instant now) {
        List<String> focus = focusBySpecialty.get(specialty);
        String focusArea = random.nextDouble() < 0.6 ? focus.get(random.nextInt(focus.size())) : null;
        double l = random.nextDouble();
        String language = l < 0.80 ? "nl" : l < 0.90 ? null : l < 0.94 ? "en" : l < 0.96 ? "de" : l < 0.98 ? "tr" : "ar";
        List<String> agbs = agbsBySpecialty.get(specialty);
        String treatingAgb = random.nextDouble() < 0.6 ? agbs.get(random.nextInt(agbs.size())) : "9" + (1_000_000 + random.nextInt(8_000_000));
        Set<String> treatingOrganisations = new LinkedHashSet<>();
        for (int o = 0, n = 1 + random.nextInt(2); o < n; o++) {
            treatingOrganisations.add("org-" + random.nextInt(150));
        }
        List<PatientWindow> patient = new ArrayList<>();
        double p = random.nextDouble();
        if (p >= 0.5 && p < 0.85) {
            for (int w = 0; w < 2; w++) {
                LocalTime[] hours = HALF_DAYS[random.nextInt(2)];
                patient.add(new PatientWindow(DayOfWeek.of(1 + random.nextInt(5)), hours[0], hours[1]));
            }
        } else if (p >= 0.85) {
            patient.add(new PatientWindow(DayOfWeek.of(1 + random.nextInt(5)), LocalTime.of(13, 0), LocalTime.of(17, 0)));
        }
        return new MatchRequest(new UUID(random.nextLong(), random.nextLong()), specialty, focusArea, language, treatingAgb,
                treatingOrganisations, patient, CALENDAR.consultDueOn(now), now);
    }
}
