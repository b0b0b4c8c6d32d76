package nl.consilium.scheduling.domain.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.consilium.calendar.WorkingDayCalendar;

/** Builders for the engine's inputs: a specialist with sensible defaults, a request, Amsterdam times. */
final class MatchingFixtures {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.dutch();
    static final Matcher MATCHER = new Matcher(CALENDAR, MatchingSettings.defaults());
    static final String CARDIOLOGY = "cardiology";
    static final String TREATING_AGB = "99999999";
    static final String TREATING_HOSPITAL = "treating-hospital";
    /** Monday 2 March 2026, 08:00 in Amsterdam: lead time ends Tuesday 08:00, the consult is due Monday 16 March. */
    static final Instant MONDAY_MORNING = at("2026-03-02T08:00");

    private MatchingFixtures() {
    }

    /** An instant given as Amsterdam wall-clock time. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Matcher.ZONE).toInstant();
    }

    static LocalTime time(String time) {
        return LocalTime.parse(time);
    }

    static WeeklyWindow weekly(DayOfWeek day, String from, String to) {
        return new WeeklyWindow(day, time(from), time(to));
    }

    static DatedWindow addition(String date, String from, String to) {
        return new DatedWindow(LocalDate.parse(date), time(from), time(to));
    }

    static PatientWindow patient(DayOfWeek day, String from, String to) {
        return new PatientWindow(day, time(from), time(to));
    }

    static Slot slot(String localStart, String localEnd) {
        return new Slot(at(localStart), at(localEnd));
    }

    static Spec spec(String agb) {
        return new Spec(agb);
    }

    static RegistrySnapshot registry(Spec... specs) {
        return registry(Arrays.asList(specs));
    }

    static RegistrySnapshot registry(List<Spec> specs) {
        return RegistrySnapshot.of(specs.stream().map(Spec::profile).toList(),
                specs.stream().collect(Collectors.toMap(s -> s.agb, Spec::availability)));
    }

    static Req request() {
        return new Req();
    }

    /** A specialist: cardiology, own organisation {@code org-<agb>}, Dutch, 10 a week, active, Monday–Friday 09:00–12:00. */
    static final class Spec {
        final String agb;
        String specialty = CARDIOLOGY;
        Set<String> focusAreas = Set.of();
        Set<String> organisations;
        Set<String> languages = Set.of("nl");
        int max = 10;
        boolean active = true;
        List<WeeklyWindow> weekly = new ArrayList<>();
        List<DatedWindow> additions = new ArrayList<>();
        List<Absence> absences = new ArrayList<>();

        Spec(String agb) {
            this.agb = agb;
            this.organisations = Set.of("org-" + agb);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                weekly.add(MatchingFixtures.weekly(day, "09:00", "12:00"));
            }
        }

        Spec specialty(String value) {
            specialty = value;
            return this;
        }

        Spec focus(String... values) {
            focusAreas = Set.of(values);
            return this;
        }

        Spec organisations(String... values) {
            organisations = Set.of(values);
            return this;
        }

        Spec languages(String... values) {
            languages = Set.of(values);
            return this;
        }

        Spec max(int value) {
            max = value;
            return this;
        }

        Spec inactive() {
            active = false;
            return this;
        }

        /** Replaces the weekly windows. */
        Spec weekly(WeeklyWindow... windows) {
            weekly = new ArrayList<>(List.of(windows));
            return this;
        }

        Spec addition(DatedWindow window) {
            additions.add(window);
            return this;
        }

        Spec absent(String from, String toInclusive) {
            absences.add(new Absence(LocalDate.parse(from), LocalDate.parse(toInclusive), "leave"));
            return this;
        }

        SpecialistProfile profile() {
            return new SpecialistProfile(agb, "Dr. " + agb, specialty, focusAreas, organisations, languages, max, active);
        }

        Availability availability() {
            return new Availability(weekly, additions, absences);
        }
    }

    /** A cardiology request made on {@link #MONDAY_MORNING}, any language, any time, treated by {@link #TREATING_AGB} at {@link #TREATING_HOSPITAL}. */
    static final class Req {
        String specialty = CARDIOLOGY;
        String focusArea;
        String language;
        String treatingAgb = TREATING_AGB;
        Set<String> treatingOrganisations = Set.of(TREATING_HOSPITAL);
        List<PatientWindow> patientAvailability = List.of();
        Instant now = MONDAY_MORNING;
        LocalDate due;

        Req specialty(String value) {
            specialty = value;
            return this;
        }

        Req focus(String value) {
            focusArea = value;
            return this;
        }

        Req language(String value) {
            language = value;
            return this;
        }

        Req treating(String agb, String... organisations) {
            treatingAgb = agb;
            treatingOrganisations = new LinkedHashSet<>(List.of(organisations));
            return this;
        }

        Req patient(PatientWindow... windows) {
            patientAvailability = List.of(windows);
            return this;
        }

        /** Now, and (unless set) the deadline the calendar gives for a request arriving now. */
        Req now(Instant value) {
            now = value;
            return this;
        }

        Req now(String localDateTime) {
            return now(at(localDateTime));
        }

        Req due(String date) {
            due = LocalDate.parse(date);
            return this;
        }

        MatchRequest build() {
            return new MatchRequest(UUID.fromString("00000000-0000-0000-0000-000000000005"), specialty, focusArea, language,
                    treatingAgb, treatingOrganisations, patientAvailability,
                    due != null ? due : CALENDAR.consultDueOn(now), now);
        }
    }

    /** The rationale by AGB. */
    static Map<String, CandidateRationale> byAgb(MatchResult result) {
        return result.rationale().stream().collect(Collectors.toMap(CandidateRationale::specialistAgb, Function.identity()));
    }

    /** The exclusion of one specialist in a result (null when he has a score). */
    static Exclusion exclusionOf(MatchResult result, String agb) {
        CandidateRationale rationale = byAgb(result).get(agb);
        if (rationale == null) {
            throw new AssertionError(agb + " is not in the rationale " + result.rationale());
        }
        return rationale.excludedBecause().orElse(null);
    }

    /** The chosen AGB, or null. */
    static String chosen(MatchResult result) {
        return result.choice().map(Choice::specialistAgb).orElse(null);
    }

    /** The chosen slot's start as Amsterdam wall clock, or null. */
    static LocalDateTime chosenStart(MatchResult result) {
        return result.choice().map(c -> LocalDateTime.ofInstant(c.slot().start(), Matcher.ZONE)).orElse(null);
    }
}
