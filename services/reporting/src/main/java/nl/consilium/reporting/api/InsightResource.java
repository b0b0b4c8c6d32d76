package nl.consilium.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.reporting.service.Insight.LeadTime;
import nl.consilium.reporting.service.Insight.OutcomeFigures;
import nl.consilium.reporting.service.Insight.OutcomeReport;
import nl.consilium.reporting.service.Insight.Period;
import nl.consilium.reporting.service.Insight.SlaFigures;
import nl.consilium.reporting.service.Insight.SlaReport;
import nl.consilium.reporting.service.Insight.Step;
import nl.consilium.reporting.service.Insight.Tally;
import nl.consilium.reporting.service.InsightService;

/**
 * The organisation's view (coordinator): the SLA figures and the outcomes of the referrals received
 * from {@code from} to {@code to} (ISO dates, inclusive, Europe/Amsterdam), as JSON or as CSV. CSV
 * when {@code format=csv} or when {@code Accept} prefers {@code text/csv}; JSON otherwise (or with
 * {@code format=json}). Counts only: nothing of a patient, so these reads are not audited.
 */
@Path("/api/reporting")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class InsightResource {

    /** The SLA figures in CSV: one row for all, then one per specialty. */
    static final List<String> SLA_COLUMNS = slaColumns();
    static final List<String> OUTCOME_COLUMNS = List.of("period_from", "period_to", "specialty", "dimension", "value",
            "count", "share");
    private static final String ALL = "all";

    @Inject
    InsightService insight;

    @GET
    @Path("/sla")
    @RolesAllowed("coordinator")
    public Response sla(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        boolean csv = wantsCsv(format, headers);
        Period period = insight.period(from, to);
        SlaReport report = insight.sla(period);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        Csv out = new Csv().row(SLA_COLUMNS);
        slaRow(out, period, report.overall());
        report.bySpecialty().forEach(figures -> slaRow(out, period, figures));
        return csvResponse(out, "consilium-sla", period);
    }

    @GET
    @Path("/outcomes")
    @RolesAllowed("coordinator")
    public Response outcomes(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        boolean csv = wantsCsv(format, headers);
        Period period = insight.period(from, to);
        OutcomeReport report = insight.outcomes(period);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        Csv out = new Csv().row(OUTCOME_COLUMNS);
        outcomeRows(out, period, report.overall());
        report.bySpecialty().forEach(figures -> outcomeRows(out, period, figures));
        return csvResponse(out, "consilium-outcomes", period);
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new ProblemException("invalid-format", "Bad request", 400,
                        "'format' is csv or json");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE))) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Response csvResponse(Csv csv, String name, Period period) {
        return Response.ok(csv.toString(), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + "-" + period.from() + "-" + period.to() + ".csv\"")
                .build();
    }

    private static List<String> slaColumns() {
        List<String> columns = new ArrayList<>(List.of("period_from", "period_to", "specialty", "referrals",
                "intake_on_time", "intake_late", "intake_pending", "intake_within_24h_share",
                "consult_on_time", "consult_late", "consult_pending", "consult_within_10_working_days_share"));
        for (Step step : Step.values()) {
            String prefix = step.name().toLowerCase(Locale.ROOT);
            columns.addAll(List.of(prefix + "_count", prefix + "_median_hours", prefix + "_p90_hours"));
        }
        columns.addAll(List.of("overdue_intakes_now", "overdue_consults_now", "awaiting_manual_planning_now"));
        return List.copyOf(columns);
    }

    private static void slaRow(Csv out, Period period, SlaFigures f) {
        List<Object> row = new ArrayList<>(List.of(period.from(), period.to(), specialty(f.specialty()), f.referrals(),
                f.intakeWithin24Hours().onTime(), f.intakeWithin24Hours().late(), f.intakeWithin24Hours().pending()));
        row.add(f.intakeWithin24Hours().share());
        row.addAll(List.of(f.consultWithin10WorkingDays().onTime(), f.consultWithin10WorkingDays().late(),
                f.consultWithin10WorkingDays().pending()));
        row.add(f.consultWithin10WorkingDays().share());
        for (LeadTime step : f.leadTimes()) {
            row.add(step.count());
            row.add(step.medianHours());
            row.add(step.p90Hours());
        }
        row.addAll(List.of(f.overdueNow().intakes(), f.overdueNow().consults(), f.overdueNow().awaitingManualPlanning()));
        out.row(row);
    }

    private static void outcomeRows(Csv out, Period period, OutcomeFigures f) {
        String specialty = specialty(f.specialty());
        count(out, period, specialty, "referrals", f.referrals());
        count(out, period, specialty, "intakes_completed", f.intakesCompleted());
        count(out, period, specialty, "intakes_rejected", f.intakesRejected());
        count(out, period, specialty, "cancelled", f.cancelled());
        count(out, period, specialty, "reports_final", f.reportsFinal());
        count(out, period, specialty, "reports_withheld", f.reportsWithheld());
        tallies(out, period, specialty, "reason", f.reasons());
        tallies(out, period, specialty, "conclusion", f.conclusions());
        tallies(out, period, specialty, "rejection_reason", f.rejectionReasons());
    }

    private static void count(Csv out, Period period, String specialty, String dimension, long count) {
        out.row(period.from(), period.to(), specialty, dimension, null, count, null);
    }

    private static void tallies(Csv out, Period period, String specialty, String dimension, List<Tally> tallies) {
        tallies.forEach(t -> out.row(period.from(), period.to(), specialty, dimension, t.value(), t.count(), t.share()));
    }

    private static String specialty(String specialty) {
        return specialty == null ? ALL : specialty;
    }
}
