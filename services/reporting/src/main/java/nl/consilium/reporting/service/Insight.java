package nl.consilium.reporting.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The organisation's figures, as {@link InsightService} computes them: whether the promises are
 * kept (intake within 24 hours, consult within 10 working days), how long each step takes, what is
 * overdue now, and what came out. Counts only, never a patient.
 */
public final class Insight {

    /** The specialty under which referrals without any known specialty are counted. */
    public static final String UNKNOWN_SPECIALTY = "unknown";

    private Insight() {
    }

    /** Referrals received from {@code from} to {@code to}, both inclusive, as days in Europe/Amsterdam. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * How often a promise was kept: {@code onTime} and {@code late} decided it; {@code pending} cannot
     * be judged yet (not done, not due yet). {@code share} = onTime / (onTime + late), null without any.
     */
    public record Promise(long onTime, long late, long pending, Double share) {
    }

    /** The steps whose lead time is measured. */
    public enum Step {
        /** From receipt of the referral to the intake decision (suitable or not). */
        RECEIVED_TO_INTAKE_DECIDED,
        /** From the completed intake to the first booking of the consult. */
        INTAKE_TO_SCHEDULED,
        /** From the first booking to the consult (its booked start). */
        SCHEDULED_TO_CONSULT,
        /** From the consult to the final report. */
        CONSULT_TO_REPORT
    }

    /** The lead time of a step over {@code count} referrals: median and 90th percentile (nearest rank), in hours. */
    public record LeadTime(Step step, long count, Double medianHours, Double p90Hours) {
    }

    /**
     * What is late right now, whatever the period: intakes past their deadline and undecided, consults
     * past their due date and not held, and cases matching could not plan that no coordinator booked yet.
     */
    public record Overdue(long intakes, long consults, long awaitingManualPlanning) {
    }

    /** The SLA figures of one specialty (or of all: specialty {@code null}). */
    public record SlaFigures(String specialty, long referrals, Promise intakeWithin24Hours,
            Promise consultWithin10WorkingDays, List<LeadTime> leadTimes, Overdue overdueNow) {
    }

    public record SlaReport(Period period, Instant asOf, SlaFigures overall, List<SlaFigures> bySpecialty) {
    }

    /** A count of one value (a reason, a conclusion) and its share of the figure's total; share null without any. */
    public record Tally(String value, long count, Double share) {
    }

    /**
     * What came out for one specialty (or all): volumes, the intake reasons (a referral may have
     * several; shares of the referrals with an intake), the specialists' conclusions (of final
     * reports, withheld ones included: counts carry nothing of a report), the intake rejection reasons.
     */
    public record OutcomeFigures(String specialty, long referrals, long intakesCompleted, long intakesRejected,
            long cancelled, long reportsFinal, long reportsWithheld, List<Tally> reasons, List<Tally> conclusions,
            List<Tally> rejectionReasons) {
    }

    public record OutcomeReport(Period period, Instant asOf, OutcomeFigures overall, List<OutcomeFigures> bySpecialty) {
    }
}
