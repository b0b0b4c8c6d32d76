package nl.consilium.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.reporting.config.ReportingConfig;
import nl.consilium.reporting.domain.ReferralOverview;
import nl.consilium.reporting.domain.ReferralStatus;
import nl.consilium.reporting.service.Insight.LeadTime;
import nl.consilium.reporting.service.Insight.OutcomeFigures;
import nl.consilium.reporting.service.Insight.OutcomeReport;
import nl.consilium.reporting.service.Insight.Overdue;
import nl.consilium.reporting.service.Insight.Period;
import nl.consilium.reporting.service.Insight.Promise;
import nl.consilium.reporting.service.Insight.SlaFigures;
import nl.consilium.reporting.service.Insight.SlaReport;
import nl.consilium.reporting.service.Insight.Step;
import nl.consilium.reporting.service.Insight.Tally;

/**
 * The organisation's view: does the service keep its promises, and what comes out of it.
 *
 * <p>The figures of a period are those of the referrals <em>received</em> in it (a cohort), so that a
 * period's figures only change while its referrals are under way:
 * <ul>
 *   <li>Intake within 24 hours: decided (completed or rejected) at or before its deadline
 *       ({@code intakeDueAt} as intake published it, else receipt + 24 h); undecided past the deadline is
 *       late; undecided before it is pending; withdrawn (cancelled) before a decision does not count.</li>
 *   <li>Consult within 10 working days (of referrals whose intake was completed): held on or before
 *       {@code consultDueOn} (the day of its booked start in Europe/Amsterdam, else of its completion);
 *       not held and past that day is late; not held before it is pending; cancelled does not count.</li>
 *   <li>Lead times per step, median and 90th percentile by the nearest-rank method, in hours.</li>
 *   <li>Overdue now: over every referral, whatever the period.</li>
 * </ul>
 * Every figure also per specialty: the one the intake asked for, else the booked consult's, else the
 * treating doctor's ({@value Insight#UNKNOWN_SPECIALTY} when none is known).
 */
@ApplicationScoped
public class InsightService {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    Clock clock;

    @Inject
    ReportingConfig config;

    /**
     * The period from the request's {@code from} and {@code to} (ISO dates, both inclusive); without
     * {@code to} it ends today, without {@code from} it is the configured number of days up to {@code to}.
     *
     * @throws ProblemException 400 {@code invalid-period} for a date that cannot be read, {@code from}
     *     after {@code to}, or a period longer than allowed
     */
    public Period period(String from, String to) {
        LocalDate end = blank(to) ? LocalDate.now(clock.withZone(AMSTERDAM)) : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(config.insight().defaultPeriodDays() - 1L) : date("from", from);
        if (start.isAfter(end)) {
            throw invalidPeriod("'from' (" + start + ") is after 'to' (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > config.insight().maxPeriodDays()) {
            throw invalidPeriod("The period is longer than " + config.insight().maxPeriodDays() + " days");
        }
        return new Period(start, end);
    }

    /** The period of the metrics: the configured window up to today. */
    Period window() {
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        long days = Math.max(1, config.metrics().window().toDays());
        return new Period(today.minusDays(days - 1), today);
    }

    @Transactional
    public SlaReport sla(Period period) {
        Instant now = clock.instant();
        List<ReferralOverview> cohort = receivedIn(period);
        List<ReferralOverview> open = openReferrals();
        Map<String, List<ReferralOverview>> cohortBySpecialty = bySpecialty(cohort);
        Map<String, List<ReferralOverview>> openBySpecialty = bySpecialty(open);
        List<SlaFigures> perSpecialty = new ArrayList<>();
        new TreeMap<>(union(cohortBySpecialty, openBySpecialty)).keySet().forEach(specialty -> perSpecialty.add(
                slaFigures(specialty, cohortBySpecialty.getOrDefault(specialty, List.of()),
                        openBySpecialty.getOrDefault(specialty, List.of()), now)));
        return new SlaReport(period, now, slaFigures(null, cohort, open, now), List.copyOf(perSpecialty));
    }

    @Transactional
    public OutcomeReport outcomes(Period period) {
        List<ReferralOverview> cohort = receivedIn(period);
        List<OutcomeFigures> perSpecialty = new ArrayList<>();
        new TreeMap<>(bySpecialty(cohort)).forEach((specialty, referrals) ->
                perSpecialty.add(outcomeFigures(specialty, referrals)));
        return new OutcomeReport(period, clock.instant(), outcomeFigures(null, cohort), List.copyOf(perSpecialty));
    }

    // ---------------------------------------------------------------- SLA

    private SlaFigures slaFigures(String specialty, List<ReferralOverview> cohort, List<ReferralOverview> open,
            Instant now) {
        LocalDate today = LocalDate.ofInstant(now, AMSTERDAM);
        long intakeOnTime = 0, intakeLate = 0, intakePending = 0;
        long consultOnTime = 0, consultLate = 0, consultPending = 0;
        for (ReferralOverview r : cohort) {
            switch (intakePromise(r, now)) {
                case ON_TIME -> intakeOnTime++;
                case LATE -> intakeLate++;
                case PENDING -> intakePending++;
                case NOT_COUNTED -> { }
            }
            switch (consultPromise(r, today)) {
                case ON_TIME -> consultOnTime++;
                case LATE -> consultLate++;
                case PENDING -> consultPending++;
                case NOT_COUNTED -> { }
            }
        }
        List<LeadTime> leadTimes = List.of(
                leadTime(Step.RECEIVED_TO_INTAKE_DECIDED, cohort, ReferralOverview::receivedAt,
                        ReferralOverview::intakeDecidedAt),
                leadTime(Step.INTAKE_TO_SCHEDULED, cohort, ReferralOverview::intakeCompletedAt,
                        ReferralOverview::firstScheduledAt),
                leadTime(Step.SCHEDULED_TO_CONSULT, cohort, ReferralOverview::firstScheduledAt,
                        InsightService::heldConsultStart),
                leadTime(Step.CONSULT_TO_REPORT, cohort, InsightService::heldConsultStart,
                        ReferralOverview::reportedAt));
        Overdue overdue = new Overdue(
                open.stream().filter(r -> intakeOverdue(r, now)).count(),
                open.stream().filter(r -> consultOverdue(r, today)).count(),
                open.stream().filter(InsightService::awaitingManualPlanning).count());
        return new SlaFigures(specialty, cohort.size(),
                promise(intakeOnTime, intakeLate, intakePending),
                promise(consultOnTime, consultLate, consultPending), leadTimes, overdue);
    }

    private enum Verdict { ON_TIME, LATE, PENDING, NOT_COUNTED }

    private static Verdict intakePromise(ReferralOverview r, Instant now) {
        Instant due = r.effectiveIntakeDueAt();
        Instant decided = r.intakeDecidedAt();
        if (due == null) {
            return Verdict.NOT_COUNTED;
        }
        if (decided != null) {
            return decided.isAfter(due) ? Verdict.LATE : Verdict.ON_TIME;
        }
        if (withdrawn(r)) {
            return Verdict.NOT_COUNTED;
        }
        return now.isAfter(due) ? Verdict.LATE : Verdict.PENDING;
    }

    private static Verdict consultPromise(ReferralOverview r, LocalDate today) {
        if (r.intakeCompletedAt() == null || r.consultDueOn() == null || r.intakeRejectedAt() != null) {
            return Verdict.NOT_COUNTED;
        }
        Instant held = r.consultedAt();
        if (held != null) {
            return LocalDate.ofInstant(held, AMSTERDAM).isAfter(r.consultDueOn()) ? Verdict.LATE : Verdict.ON_TIME;
        }
        if (withdrawn(r)) {
            return Verdict.NOT_COUNTED;
        }
        return today.isAfter(r.consultDueOn()) ? Verdict.LATE : Verdict.PENDING;
    }

    private static boolean intakeOverdue(ReferralOverview r, Instant now) {
        Instant due = r.effectiveIntakeDueAt();
        return r.intakeDecidedAt() == null && !withdrawn(r) && due != null && now.isAfter(due);
    }

    private static boolean consultOverdue(ReferralOverview r, LocalDate today) {
        return r.intakeCompletedAt() != null && r.intakeRejectedAt() == null && r.completedAt() == null
                && !withdrawn(r) && r.consultDueOn() != null && today.isAfter(r.consultDueOn());
    }

    private static boolean awaitingManualPlanning(ReferralOverview r) {
        return r.awaitingManualPlanning() && r.consultStartsAt() == null && r.completedAt() == null && !withdrawn(r);
    }

    private static boolean withdrawn(ReferralOverview r) {
        return r.status() == ReferralStatus.CANCELLED || r.cancelledAt() != null;
    }

    /** The consult's booked start, once it was held (the moment the consult steps are measured from and to). */
    private static Instant heldConsultStart(ReferralOverview r) {
        return r.completedAt() != null && r.consultStartsAt() != null ? r.consultedAt() : null;
    }

    private static Promise promise(long onTime, long late, long pending) {
        long decided = onTime + late;
        return new Promise(onTime, late, pending, decided == 0 ? null : round((double) onTime / decided, 4));
    }

    private static LeadTime leadTime(Step step, Collection<ReferralOverview> referrals,
            Function<ReferralOverview, Instant> start, Function<ReferralOverview, Instant> end) {
        List<Duration> durations = referrals.stream()
                .filter(r -> start.apply(r) != null && end.apply(r) != null)
                .map(r -> Duration.between(start.apply(r), end.apply(r)))
                .sorted().toList();
        return new LeadTime(step, durations.size(), hours(nearestRank(durations, 50)), hours(nearestRank(durations, 90)));
    }

    /** The p-th percentile by the nearest-rank method: the value at rank ceil(p/100 · n); null for no values. */
    static Duration nearestRank(List<Duration> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    private static Double hours(Duration duration) {
        return duration == null ? null : round(duration.toMillis() / 3_600_000.0, 2);
    }

    // ---------------------------------------------------------------- outcomes

    private static OutcomeFigures outcomeFigures(String specialty, List<ReferralOverview> cohort) {
        long completed = cohort.stream().filter(r -> r.intakeCompletedAt() != null).count();
        long rejected = cohort.stream().filter(r -> r.intakeRejectedAt() != null).count();
        long cancelled = cohort.stream().filter(r -> r.status() == ReferralStatus.CANCELLED).count();
        List<ReferralOverview> reports = cohort.stream().filter(ReferralOverview::hasFinalReport).toList();
        long withheld = reports.stream().filter(ReferralOverview::patientObjectsToGpReport).count();

        Map<IntakeReason, Long> reasons = new EnumMap<>(IntakeReason.class);
        cohort.forEach(r -> r.intakeReasons().forEach(reason -> reasons.merge(reason.current(), 1L, Long::sum)));
        Map<Conclusion, Long> conclusions = reports.stream()
                .collect(Collectors.groupingBy(ReferralOverview::reportConclusion,
                        () -> new EnumMap<>(Conclusion.class), Collectors.counting()));
        Map<RejectionReason, Long> rejections = cohort.stream().filter(r -> r.intakeRejectionReason() != null)
                .collect(Collectors.groupingBy(ReferralOverview::intakeRejectionReason,
                        () -> new EnumMap<>(RejectionReason.class), Collectors.counting()));
        List<IntakeReason> currentReasons = Arrays.stream(IntakeReason.values()).filter(r -> r.current() == r).toList();
        return new OutcomeFigures(specialty, cohort.size(), completed, rejected, cancelled, reports.size(), withheld,
                tallies(currentReasons, reasons, completed), tallies(List.of(Conclusion.values()), conclusions,
                        reports.size()), tallies(List.of(RejectionReason.values()), rejections, rejected));
    }

    /** One tally per value, in the values' order, zeros included, so every export has the same rows. */
    private static <E extends Enum<E>> List<Tally> tallies(List<E> values, Map<E, Long> counts, long total) {
        return values.stream().map(value -> {
            long count = counts.getOrDefault(value, 0L);
            return new Tally(value.name(), count, total == 0 ? null : round((double) count / total, 4));
        }).toList();
    }

    // ---------------------------------------------------------------- queries

    private static List<ReferralOverview> receivedIn(Period period) {
        Instant start = period.from().atStartOfDay(AMSTERDAM).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
        return ReferralOverview.list("receivedAt >= ?1 and receivedAt < ?2", start, end);
    }

    /** Referrals that can still be overdue: not finished, not ended early. */
    private static List<ReferralOverview> openReferrals() {
        return ReferralOverview.list("completedAt is null and cancelledAt is null and intakeRejectedAt is null"
                + " and consultCancelledWithReferral = false");
    }

    private static Map<String, List<ReferralOverview>> bySpecialty(List<ReferralOverview> referrals) {
        return referrals.stream().collect(Collectors.groupingBy(
                r -> Objects.requireNonNullElse(r.specialty(), Insight.UNKNOWN_SPECIALTY)));
    }

    private static Map<String, List<ReferralOverview>> union(Map<String, List<ReferralOverview>> a,
            Map<String, List<ReferralOverview>> b) {
        Map<String, List<ReferralOverview>> all = new TreeMap<>(a);
        b.keySet().forEach(key -> all.putIfAbsent(key, List.of()));
        return all;
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalidPeriod("'" + name + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static ProblemException invalidPeriod(String detail) {
        return new ProblemException("invalid-period", "Bad request", 400, detail);
    }
}
