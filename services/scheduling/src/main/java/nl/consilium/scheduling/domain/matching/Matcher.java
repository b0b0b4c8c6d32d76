package nl.consilium.scheduling.domain.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import nl.consilium.calendar.Holiday;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.scheduling.domain.matching.RegistrySnapshot.Entry;

/**
 * The matching engine: chooses the specialist and slot for a referral, lists a specialist's slots,
 * and checks a coordinator's manual choice, all by the rules of the package documentation. Pure:
 * no I/O, no clock (the request carries {@code now}), no state between calls, so one instance
 * serves every thread; the same inputs always give the same result.
 */
public final class Matcher {

    /** The zone of every wall-clock time and date the engine works with. */
    public static final ZoneId ZONE = WorkingDayCalendar.ZONE;

    /**
     * The order of scores, best first: a focus-area match, then the earlier slot, then the lower
     * weekly load. (Equal scores are ordered by AGB code, ascending.)
     */
    public static final Comparator<Score> SCORE_ORDER = Comparator
            .comparing((Score s) -> !s.focusAreaMatch())
            .thenComparing(Score::slotStart)
            .thenComparingInt(Score::weeklyLoad);

    /** The longest range {@link #slots} lists. */
    public static final Duration MAX_SLOTS_RANGE = Duration.ofDays(400);

    private final WorkingDayCalendar calendar;
    private final MatchingSettings settings;
    private final int slotSeconds;

    public Matcher(WorkingDayCalendar calendar, MatchingSettings settings) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.slotSeconds = (int) settings.slotLength().toSeconds();
    }

    public MatchingSettings settings() {
        return settings;
    }

    /**
     * The earliest start of a consult for a request made at {@code now}: the same Amsterdam wall-clock
     * time on the {@code leadTimeWorkingDays}-th working day after {@code now}'s date (Wednesday 14:10
     * → Thursday 14:10; Friday 16:00 → Monday 16:00; before a holiday the holiday is skipped). When
     * {@code now} falls on a non-working day the count starts at the opening of the next working day
     * ({@code workingDayStart} of the calendar, 08:00): Saturday 11:00 → Tuesday 08:00, so the
     * specialist always has a full working day to read the dossier. A lead time of 0 gives {@code now}.
     */
    public Instant leadTimeEnds(Instant now) {
        Objects.requireNonNull(now, "now");
        int days = settings.leadTimeWorkingDays();
        if (days == 0) {
            return now;
        }
        ZonedDateTime local = now.atZone(ZONE);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!calendar.isWorkingDay(date)) {
            date = calendar.nextWorkingDay(date);
            time = calendar.settings().workingDayStart(); // the lead time runs from that day's opening
        }
        return ZonedDateTime.of(calendar.addWorkingDays(date, days), time, ZONE).toInstant();
    }

    // ------------------------------------------------------------------------------------------ match

    /**
     * Chooses the best candidate and slot for a request, with the rationale for every specialist of
     * the specialty (active or not), or the reason no slot fits.
     */
    public MatchResult match(MatchRequest request, RegistrySnapshot registry, Bookings bookings) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(bookings, "bookings");
        Entry[] entries = registry.entriesOf(request.specialty());
        Criteria criteria = new Criteria(request, registry);
        Search search = new Search(request, leadTimeEnds(request.now()));

        List<Ranked> scored = new ArrayList<>();
        List<CandidateRationale> excluded = new ArrayList<>();
        boolean anyIndependent = false;
        boolean anyOutsidePatientAvailability = false;
        for (Entry entry : entries) {
            Exclusion exclusion = criteria.exclusion(entry);
            if (exclusion == null) {
                anyIndependent = true;
                exclusion = search.best(entry, bookings, criteria.focusMatch(entry));
                if (exclusion == null) {
                    scored.add(search.found);
                    continue;
                }
                anyOutsidePatientAvailability |= exclusion == Exclusion.NO_SLOT_IN_PATIENT_AVAILABILITY;
            }
            excluded.add(new CandidateRationale(entry.profile.agb(), Optional.of(exclusion), Optional.empty()));
        }
        scored.sort(Ranked.ORDER);
        List<CandidateRationale> rationale = new ArrayList<>(scored.size() + excluded.size());
        for (Ranked r : scored) {
            rationale.add(new CandidateRationale(r.agb, Optional.empty(), Optional.of(r.score)));
        }
        rationale.addAll(excluded); // already by AGB
        if (!scored.isEmpty()) {
            Ranked best = scored.getFirst();
            return new MatchResult(Optional.of(new Choice(best.agb, best.slot, best.score)), rationale, Optional.empty());
        }
        MatchingFailureReason reason = !anyIndependent ? MatchingFailureReason.NO_INDEPENDENT_SPECIALIST
                : anyOutsidePatientAvailability ? MatchingFailureReason.NONE_IN_PATIENT_AVAILABILITY
                : MatchingFailureReason.NONE_BEFORE_DEADLINE;
        return new MatchResult(Optional.empty(), rationale, Optional.of(reason));
    }

    /** A candidate with a fitting slot. */
    private record Ranked(String agb, Slot slot, Score score) {
        static final Comparator<Ranked> ORDER = Comparator.comparing(Ranked::score, SCORE_ORDER)
                .thenComparing(Ranked::agb);
    }

    /** The request's criteria, normalised once per request. */
    private static final class Criteria {
        final String specialty;
        final String treatingAgb;
        final Set<String> treatingOrganisations;
        /** The treating organisations as the registry numbers them (unknown ones cannot be shared with anybody). */
        final BitSet treatingOrganisationIds;
        final String language;
        final String focusArea;

        Criteria(MatchRequest request, RegistrySnapshot registry) {
            this.specialty = request.specialty();
            this.treatingAgb = blankToNull(request.treatingSpecialistAgb());
            Set<String> organisations = new HashSet<>();
            for (String organisation : request.treatingOrganisations()) {
                if (organisation != null && !organisation.isBlank()) {
                    organisations.add(Windows.normalise(organisation));
                }
            }
            Entry treating = registry.entry(treatingAgb);
            if (treating != null) {
                organisations.addAll(treating.organisations); // the registry knows the treating specialist's organisations too
            }
            this.treatingOrganisations = organisations;
            this.treatingOrganisationIds = new BitSet(registry.organisationCount());
            for (String organisation : organisations) {
                int id = registry.organisationId(organisation);
                if (id >= 0) {
                    treatingOrganisationIds.set(id);
                }
            }
            this.language = Windows.normalise(blankToNull(request.language()));
            this.focusArea = Windows.normalise(blankToNull(request.focusArea()));
        }

        /** The first rule (before slots) the specialist fails, or null. */
        Exclusion exclusion(Entry entry) {
            if (!entry.profile.active()) {
                return Exclusion.INACTIVE;
            }
            if (!entry.profile.specialty().equals(specialty)) {
                return Exclusion.OTHER_SPECIALTY;
            }
            if (!independent(entry)) {
                return Exclusion.NOT_INDEPENDENT;
            }
            if (language != null && !entry.languages.contains(language)) {
                return Exclusion.LANGUAGE;
            }
            return null;
        }

        boolean independent(Entry entry) {
            if (entry.profile.agb().equals(treatingAgb)) {
                return false;
            }
            for (int organisation : entry.organisationIds) {
                if (treatingOrganisationIds.get(organisation)) {
                    return false;
                }
            }
            return true;
        }

        Set<String> sharedOrganisations(Entry entry) {
            Set<String> shared = new TreeSet<>(entry.organisations);
            shared.retainAll(treatingOrganisations);
            return shared;
        }

        boolean focusMatch(Entry entry) {
            return focusArea != null && entry.focusAreas.contains(focusArea);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * One request's slot search: the dates from the end of the lead time to the deadline, the
     * patient's windows per day of the week, and a specialist at a time. Slots are cut lazily, day
     * by day, in time order, and the search stops at a specialist's first fitting slot (his best:
     * the focus match is his whatever the slot, and an earlier slot beats a lower load).
     */
    private final class Search {
        final long earliest;
        final DayTable days;
        final int firstWeek;
        final int[][] patient;
        final boolean anyTime;
        final int[] weekLoads;
        Ranked found;

        Search(MatchRequest request, Instant leadTimeEnds) {
            this.earliest = leadTimeEnds.getEpochSecond() + (leadTimeEnds.getNano() > 0 ? 1 : 0);
            LocalDate first = leadTimeEnds.atZone(ZONE).toLocalDate();
            this.days = new DayTable(calendar, first, request.consultDueOn());
            this.firstWeek = isoWeekIndex(first.toEpochDay());
            this.weekLoads = new int[days.length / 7 + 2];
            this.anyTime = request.patientAvailability().isEmpty();
            this.patient = patientWindows(request.patientAvailability());
        }

        /**
         * Finds the specialist's first fitting slot and leaves it in {@link #found}, or returns why
         * there is none: no free slot at all, free ones only in full weeks, or free ones within the
         * weekly maximum only outside the patient's availability.
         */
        Exclusion best(Entry entry, Bookings bookings, boolean focusMatch) {
            String agb = entry.profile.agb();
            Bookings.OfSpecialist his = bookings.ofSpecialist(agb);
            int max = entry.profile.maxConsultsPerWeek();
            Arrays.fill(weekLoads, -1);
            boolean anyFree = false;
            boolean anyFreeUnderMaximum = false;
            for (int d = 0; d < days.length; d++) {
                if (!days.isWorkingDay(d)) {
                    continue;
                }
                long epochDay = days.epochDay(d);
                if (entry.absentOn(epochDay)) {
                    continue;
                }
                int dayOfWeek = days.dayOfWeekIndex(d);
                int[] windows = entry.windowsOn(epochDay, dayOfWeek);
                if (windows.length == 0) {
                    continue;
                }
                int week = isoWeekIndex(epochDay) - firstWeek;
                int[] patientToday = patient[dayOfWeek];
                for (int w = 0; w < windows.length; w += 2) {
                    for (int s = windows[w]; s + slotSeconds <= windows[w + 1]; s += slotSeconds) {
                        long start = days.epochSecond(d, s);
                        if (start < earliest) {
                            continue;
                        }
                        boolean inPatientTime = anyTime || Windows.contains(patientToday, s, s + slotSeconds);
                        if (!inPatientTime && anyFree && anyFreeUnderMaximum) {
                            continue; // nothing left to learn from this slot
                        }
                        int load = weekLoads[week];
                        if (load < 0) {
                            load = his.consultsInWeek(LocalDate.ofEpochDay(epochDay));
                            weekLoads[week] = load;
                        }
                        boolean underMaximum = load < max;
                        if (inPatientTime && underMaximum) {
                            if (!his.isTaken(start)) {
                                Instant startInstant = Instant.ofEpochSecond(start);
                                long end = days.epochSecond(d, s + slotSeconds);
                                Slot slot = new Slot(startInstant, Instant.ofEpochSecond(end));
                                found = new Ranked(agb, slot, new Score(focusMatch, startInstant, load));
                                return null;
                            }
                            continue;
                        }
                        if (anyFree && (anyFreeUnderMaximum || !underMaximum)) {
                            continue;
                        }
                        if (!his.isTaken(start)) {
                            anyFree = true;
                            anyFreeUnderMaximum |= underMaximum;
                        }
                    }
                }
            }
            return !anyFree ? Exclusion.NO_SLOT_BEFORE_DEADLINE
                    : !anyFreeUnderMaximum ? Exclusion.WEEKLY_MAXIMUM_REACHED
                    : Exclusion.NO_SLOT_IN_PATIENT_AVAILABILITY;
        }
    }

    /** Weeks since the Monday 1969-12-29, so that one ISO week has one index. */
    private static int isoWeekIndex(long epochDay) {
        return (int) Math.floorDiv(epochDay + 3, 7L);
    }

    private static int[][] patientWindows(List<PatientWindow> windows) {
        int[][] perDay = new int[7][];
        for (int d = 0; d < 7; d++) {
            List<Integer> flat = new ArrayList<>();
            for (PatientWindow w : windows) {
                if (w.day().getValue() - 1 == d) {
                    flat.add(w.from().toSecondOfDay());
                    flat.add(w.to().toSecondOfDay());
                }
            }
            perDay[d] = Windows.merge(flat.stream().mapToInt(Integer::intValue).toArray());
        }
        return perDay;
    }

    // ------------------------------------------------------------------------------------------ slots

    /**
     * The specialist's slots that lie wholly between {@code from} and {@code to} (start ≥ from,
     * end ≤ to), free and booked, in time order: his weekly windows and additions cut at the slot
     * length, without absences and non-working days. Booked means {@link Bookings#isTaken}; an
     * appointment that no longer lies on a slot (the availability changed after it was booked) is
     * not listed here. An unknown AGB code gives an empty list.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the range is longer than {@link #MAX_SLOTS_RANGE}
     */
    public List<SlotView> slots(String agb, Instant from, Instant to, RegistrySnapshot registry, Bookings bookings) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(bookings, "bookings");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from: " + from + " – " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_SLOTS_RANGE) > 0) {
            throw new IllegalArgumentException("at most " + MAX_SLOTS_RANGE.toDays() + " days of slots at a time");
        }
        Entry entry = registry.entry(agb);
        if (entry == null) {
            return List.of();
        }
        DayTable days = new DayTable(calendar, from.atZone(ZONE).toLocalDate(), to.atZone(ZONE).toLocalDate());
        List<SlotView> slots = new ArrayList<>();
        for (int d = 0; d < days.length; d++) {
            long epochDay = days.epochDay(d);
            if (!days.isWorkingDay(d) || entry.absentOn(epochDay)) {
                continue;
            }
            int[] windows = entry.windowsOn(epochDay, days.dayOfWeekIndex(d));
            for (int w = 0; w < windows.length; w += 2) {
                for (int s = windows[w]; s + slotSeconds <= windows[w + 1]; s += slotSeconds) {
                    Instant start = Instant.ofEpochSecond(days.epochSecond(d, s));
                    Instant end = Instant.ofEpochSecond(days.epochSecond(d, s + slotSeconds));
                    if (!start.isBefore(from) && !end.isAfter(to)) {
                        slots.add(new SlotView(new Slot(start, end), bookings.isTaken(agb, start)));
                    }
                }
            }
        }
        return slots;
    }

    // ------------------------------------------------------------------------------------------ check

    /**
     * Checks a coordinator's choice of specialist and slot by the rules {@link #match} applies, and
     * names every rule it breaks ({@link Violation}). It is allowed when it breaks none, or, with
     * {@code overrideDeadline}, only {@link Violation#AFTER_DEADLINE} (then
     * {@link CheckResult#deadlineOverridden()} is true: record it). For a reschedule, pass
     * {@link Bookings} without the appointment being moved.
     */
    public CheckResult check(MatchRequest request, String agb, Slot slot, boolean overrideDeadline,
            RegistrySnapshot registry, Bookings bookings) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(bookings, "bookings");
        List<String> violations = new ArrayList<>();
        Entry entry = registry.entry(agb);
        if (entry == null) {
            violations.add(Violation.UNKNOWN_SPECIALIST.describe("no specialist with AGB " + agb + " in the registry"));
            return new CheckResult(false, violations);
        }
        SpecialistProfile profile = entry.profile;
        Criteria criteria = new Criteria(request, registry);
        if (!profile.active()) {
            violations.add(Violation.INACTIVE.describe("specialist " + agb + " is inactive"));
        }
        if (!profile.specialty().equals(request.specialty())) {
            violations.add(Violation.OTHER_SPECIALTY.describe("specialist " + agb + " has specialty "
                    + profile.specialty() + ", the referral needs " + request.specialty()));
        }
        if (agb.equals(criteria.treatingAgb)) {
            violations.add(Violation.NOT_INDEPENDENT.describe("specialist " + agb + " is the treating specialist"));
        } else if (!criteria.independent(entry)) {
            violations.add(Violation.NOT_INDEPENDENT.describe("specialist " + agb + " shares organisation(s) "
                    + criteria.sharedOrganisations(entry) + " with the treating specialist"));
        }
        if (criteria.language != null && !entry.languages.contains(criteria.language)) {
            violations.add(Violation.LANGUAGE.describe("specialist " + agb + " does not speak " + criteria.language));
        }

        ZonedDateTime localStart = slot.start().atZone(ZONE);
        LocalDate date = localStart.toLocalDate();
        notInAvailability(entry, slot, date).ifPresent(reason -> violations.add(Violation.NOT_IN_AVAILABILITY.describe(reason)));
        if (bookings.isTaken(agb, slot.start())) {
            violations.add(Violation.SLOT_TAKEN.describe("specialist " + agb + " is booked at " + localStart.toLocalDateTime()));
        }
        int load = bookings.consultsInWeek(agb, date);
        if (load >= profile.maxConsultsPerWeek()) {
            violations.add(Violation.WEEKLY_MAXIMUM_REACHED.describe("specialist " + agb + " has " + load
                    + " consult(s) in week " + date.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", the maximum is " + profile.maxConsultsPerWeek()));
        }
        Instant leadTimeEnds = leadTimeEnds(request.now());
        if (slot.start().isBefore(leadTimeEnds)) {
            violations.add(Violation.LEAD_TIME.describe("the slot starts before " + leadTimeEnds.atZone(ZONE).toLocalDateTime()
                    + ", " + settings.leadTimeWorkingDays() + " working day(s) after the request"));
        }
        if (!request.patientAvailability().isEmpty()) {
            int from = localStart.toLocalTime().toSecondOfDay();
            ZonedDateTime localEnd = slot.end().atZone(ZONE);
            int[] patientToday = patientWindows(request.patientAvailability())[date.getDayOfWeek().getValue() - 1];
            if (!localEnd.toLocalDate().equals(date)
                    || !Windows.contains(patientToday, from, localEnd.toLocalTime().toSecondOfDay())) {
                violations.add(Violation.PATIENT_AVAILABILITY.describe("the slot lies outside the patient's availability"));
            }
        }
        boolean afterDeadline = slot.end().isAfter(request.consultDueOn().plusDays(1).atStartOfDay(ZONE).toInstant());
        if (afterDeadline) {
            violations.add(Violation.AFTER_DEADLINE.describe("the slot ends after the consult deadline "
                    + request.consultDueOn() + (overrideDeadline ? " (overridden)" : "")));
        }
        boolean allowed = violations.isEmpty()
                || overrideDeadline && violations.size() == 1 && afterDeadline;
        return new CheckResult(allowed, violations);
    }

    private Optional<String> notInAvailability(Entry entry, Slot slot, LocalDate date) {
        if (!calendar.isWorkingDay(date)) {
            List<Holiday> holidays = calendar.holidaysOn(date);
            return Optional.of(date + " is not a working day"
                    + (holidays.isEmpty() ? " (" + date.getDayOfWeek() + ")" : " (" + holidays.getFirst().name() + ")"));
        }
        Optional<Absence> absence = entry.absenceOn(date);
        if (absence.isPresent()) {
            String reason = absence.get().reason();
            return Optional.of("specialist " + entry.profile.agb() + " is absent on " + date
                    + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
        }
        DayTable day = new DayTable(calendar, date, date);
        int[] windows = entry.windowsOn(date.toEpochDay(), day.dayOfWeekIndex(0));
        for (int w = 0; w < windows.length; w += 2) {
            for (int s = windows[w]; s + slotSeconds <= windows[w + 1]; s += slotSeconds) {
                if (day.epochSecond(0, s) == slot.start().getEpochSecond() && slot.start().getNano() == 0
                        && day.epochSecond(0, s + slotSeconds) == slot.end().getEpochSecond() && slot.end().getNano() == 0) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(slot.start().atZone(ZONE).toLocalTime() + "–" + slot.end().atZone(ZONE).toLocalTime()
                + " on " + date + " is not one of specialist " + entry.profile.agb() + "'s "
                + settings.slotLength().toMinutes() + "-minute slots");
    }
}
