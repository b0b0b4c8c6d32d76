package nl.consilium.reporting.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.consilium.reporting.service.Insight.LeadTime;
import nl.consilium.reporting.service.Insight.OutcomeFigures;
import nl.consilium.reporting.service.Insight.OutcomeReport;
import nl.consilium.reporting.service.Insight.Period;
import nl.consilium.reporting.service.Insight.SlaFigures;
import nl.consilium.reporting.service.Insight.SlaReport;
import nl.consilium.reporting.service.Insight.Tally;
import org.jboss.logging.Logger;

/**
 * The organisation's figures as Prometheus gauges ({@code /q/metrics}), over the referrals received in
 * the last {@code consilium.reporting.metrics.window} (default 30 days), recomputed every
 * {@code consilium.reporting.metrics.interval} (default a minute; tests call {@link #refresh()}).
 * Labels: {@code specialty} ({@code all} for the whole), and {@code step}, {@code quantile},
 * {@code conclusion}, {@code reason} where they apply; never anything of a patient. A share without
 * any decided case has no sample (rather than NaN).
 */
@ApplicationScoped
public class ReportingMetrics {

    public static final String INTAKE_SHARE = "consilium.reporting.intake.within.24h.share";
    public static final String CONSULT_SHARE = "consilium.reporting.consult.within.10.working.days.share";
    public static final String LEAD_TIME = "consilium.reporting.lead.time.hours";
    public static final String REFERRALS = "consilium.reporting.referrals";
    public static final String OVERDUE_INTAKES = "consilium.reporting.overdue.intakes";
    public static final String OVERDUE_CONSULTS = "consilium.reporting.overdue.consults";
    public static final String AWAITING_MANUAL_PLANNING = "consilium.reporting.awaiting.manual.planning";
    public static final String CONCLUSIONS = "consilium.reporting.conclusions";
    public static final String INTAKE_REASONS = "consilium.reporting.intake.reasons";
    public static final String REJECTIONS = "consilium.reporting.intake.rejections";
    static final String ALL = "all";
    private static final Logger LOG = Logger.getLogger(ReportingMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    InsightService insight;

    private MultiGauge intakeShare;
    private MultiGauge consultShare;
    private MultiGauge leadTime;
    private MultiGauge referrals;
    private MultiGauge overdueIntakes;
    private MultiGauge overdueConsults;
    private MultiGauge awaitingManualPlanning;
    private MultiGauge conclusions;
    private MultiGauge intakeReasons;
    private MultiGauge rejections;

    void register(@Observes StartupEvent event) {
        intakeShare = gauge(INTAKE_SHARE, "Share of intakes decided within their deadline (24 hours), of the referrals"
                + " received in the metrics window");
        consultShare = gauge(CONSULT_SHARE, "Share of consults held on or before their due date (10 working days),"
                + " of the referrals received in the metrics window");
        leadTime = gauge(LEAD_TIME, "Lead time of a step in hours (median: quantile 0.5, p90: quantile 0.9)");
        referrals = gauge(REFERRALS, "Referrals received in the metrics window");
        overdueIntakes = gauge(OVERDUE_INTAKES, "Intakes past their deadline and not decided, now");
        overdueConsults = gauge(OVERDUE_CONSULTS, "Consults past their due date and not held, now");
        awaitingManualPlanning = gauge(AWAITING_MANUAL_PLANNING,
                "Referrals matching could not plan that no coordinator booked yet, now");
        conclusions = gauge(CONCLUSIONS, "Final reports by conclusion, of the referrals received in the metrics window");
        intakeReasons = gauge(INTAKE_REASONS, "Completed intakes by reason, of the referrals received in the metrics"
                + " window");
        rejections = gauge(REJECTIONS, "Rejected intakes by reason, of the referrals received in the metrics window");
        scheduled();
    }

    @Scheduled(identity = "reporting-metrics", every = "${consilium.reporting.metrics.interval:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the next run tries again; a message could quote data, the class cannot
            LOG.errorf("Refreshing the reporting metrics failed: %s", e.getClass().getName());
        }
    }

    /** Recomputes every gauge now. */
    public void refresh() {
        Period window = insight.window();
        SlaReport sla = insight.sla(window);
        OutcomeReport outcomes = insight.outcomes(window);
        List<SlaFigures> slaRows = withOverall(sla.overall(), sla.bySpecialty());
        List<OutcomeFigures> outcomeRows = withOverall(outcomes.overall(), outcomes.bySpecialty());

        intakeShare.register(rows(slaRows, f -> f.intakeWithin24Hours().share()), true);
        consultShare.register(rows(slaRows, f -> f.consultWithin10WorkingDays().share()), true);
        referrals.register(rows(slaRows, f -> (double) f.referrals()), true);
        overdueIntakes.register(rows(slaRows, f -> (double) f.overdueNow().intakes()), true);
        overdueConsults.register(rows(slaRows, f -> (double) f.overdueNow().consults()), true);
        awaitingManualPlanning.register(rows(slaRows, f -> (double) f.overdueNow().awaitingManualPlanning()), true);

        List<MultiGauge.Row<?>> leadTimes = new ArrayList<>();
        for (SlaFigures figures : slaRows) {
            for (LeadTime step : figures.leadTimes()) {
                Tags tags = Tags.of("specialty", label(figures.specialty()), "step",
                        step.step().name().toLowerCase(Locale.ROOT));
                if (step.medianHours() != null) {
                    leadTimes.add(MultiGauge.Row.of(tags.and("quantile", "0.5"), step.medianHours()));
                }
                if (step.p90Hours() != null) {
                    leadTimes.add(MultiGauge.Row.of(tags.and("quantile", "0.9"), step.p90Hours()));
                }
            }
        }
        leadTime.register(leadTimes, true);

        conclusions.register(tallyRows(outcomeRows, OutcomeFigures::conclusions, "conclusion"), true);
        intakeReasons.register(tallyRows(outcomeRows, OutcomeFigures::reasons, "reason"), true);
        rejections.register(tallyRows(outcomeRows, OutcomeFigures::rejectionReasons, "reason"), true);
    }

    private MultiGauge gauge(String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private static <T> List<T> withOverall(T overall, List<T> bySpecialty) {
        List<T> all = new ArrayList<>();
        all.add(overall);
        all.addAll(bySpecialty);
        return all;
    }

    private static List<MultiGauge.Row<?>> rows(List<SlaFigures> figures, Function<SlaFigures, Double> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (SlaFigures f : figures) {
            Double v = value.apply(f);
            if (v != null) {
                rows.add(MultiGauge.Row.of(Tags.of("specialty", label(f.specialty())), v));
            }
        }
        return rows;
    }

    private static List<MultiGauge.Row<?>> tallyRows(List<OutcomeFigures> figures,
            Function<OutcomeFigures, List<Tally>> tallies, String key) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (OutcomeFigures f : figures) {
            for (Tally tally : tallies.apply(f)) {
                rows.add(MultiGauge.Row.of(Tags.of("specialty", label(f.specialty()), key,
                        tally.value().toLowerCase(Locale.ROOT)), (double) tally.count()));
            }
        }
        return rows;
    }

    private static String label(String specialty) {
        return specialty == null ? ALL : specialty;
    }
}
