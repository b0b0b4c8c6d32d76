package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.reporting.service.ReportingMetrics;
import nl.consilium.reporting.service.ReportingProjection;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The organisation's figures over HTTP against hand-computed expectations for a small fixed set of
 * referrals received in the week of 3 to 7 March 2025 (Europe/Amsterdam, UTC+1 then), in two
 * specialties no other test uses; the CSV exports; the Prometheus gauges.
 *
 * <pre>
 * specialty X  received (UTC)   intake                     booked        consult        report
 *  R1          03-03 08:00      completed 03-03 14:00 (6h) 03-03 15:00   03-10 09:00    03-10 13:00 CONFIRMS_POLICY
 *  R2          03-04 08:00      completed 03-05 20:00 (36h, late) 03-06 08:00 03-19 09:00 (due 03-18: late)
 *                                                                                       03-19 11:00 DIFFERENT_INSIGHT, withheld
 *  R3          03-05 08:00      rejected 03-05 10:00 (2h) PATIENT_UNREACHABLE
 *  R4          03-06 08:00      never; IntakeOverdue (late, overdue now)
 *  R5          03-07 08:00      completed 03-07 09:00 (1h; intake's own due 03-07 20:00); matching failed;
 *                               consult due 03-21 not held: late, overdue now, awaiting manual planning
 *  R6          03-07 10:00      cancelled 03-07 11:00 before the intake: not counted for the intake
 *  R8          03-08 08:00      never (outside the period, but overdue now)
 * specialty Y
 *  R7          03-03 09:00      completed 03-04 08:00 (23h) 03-04 10:00  03-17 10:00 (due 03-17) 03-17 16:00 FURTHER_INVESTIGATION_ADVISED
 *  R9          03-02 22:30 (= 23:30 on 03-02 in Amsterdam: outside) rejected 03-03 00:30
 *  R10         03-07 22:59 (= 23:59 on 03-07 in Amsterdam: inside) rejected 03-08 00:59 (2h) OTHER
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class InsightTest {

    private static final String PERIOD = "from=2025-03-03&to=2025-03-07";
    private static final int SUFFIX = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    private static final String X = "cardio" + SUFFIX;
    private static final String Y = "derma" + SUFFIX;
    private static final String GP = ReportingFixtures.randomGpAgb();
    private static boolean loaded;

    @Inject
    ReportingProjection projection;

    @Inject
    ReportingMetrics metrics;

    /** One referral's events, applied as the consumers would, at fixed instants. */
    private final class Ref {
        final UUID id = UUID.randomUUID();
        final UUID patient = UUID.randomUUID();

        Ref received(String at, String specialty) {
            return apply(new ReferralReceived(id, "ZD" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000)),
                    Instant.parse(at), patient, new PatientDetails("Fictief", LocalDate.of(1980, 5, 5), null, null, null),
                    new Referrer(GP, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", specialty, "Ziekenhuis Oost",
                    null), at);
        }

        Ref intakeCompleted(String at, String specialty, String consultDueOn, String intakeDueAt, boolean objects,
                IntakeReason... reasons) {
            return apply(new IntakeCompleted(id, patient, Instant.parse(at), "nurse", "Vraag", Arrays.asList(reasons),
                    specialty, "Ziekenhuis Oost", "nl", LocalDate.parse(consultDueOn), objects, GP, null, null, null,
                    null, List.of(), intakeDueAt == null ? null : Instant.parse(intakeDueAt)), at);
        }

        Ref rejected(String at, RejectionReason reason) {
            return apply(new IntakeRejected(id, patient, Instant.parse(at), "nurse", reason, null, GP), at);
        }

        Ref overdue(String dueAt) {
            return apply(new IntakeOverdue(id, patient, Instant.parse(dueAt), Instant.parse(dueAt).plusSeconds(60)),
                    dueAt);
        }

        Ref scheduled(String at, String startsAt, String specialty) {
            return apply(new ConsultScheduled(id, UUID.randomUUID(), patient, "03111111", "Jeroen Smit", specialty,
                    Instant.parse(startsAt), Instant.parse(startsAt).plusSeconds(1800)), at);
        }

        Ref completed(String at, Conclusion conclusion, boolean objects) {
            return apply(new ConsultCompleted(id, UUID.randomUUID(), patient, "03111111", GP, Instant.parse(at),
                    new ConsultReport("Vraag", "Bevinding", conclusion, "Advies", "specialist", Instant.parse(at)),
                    objects), at);
        }

        Ref matchingFailed(String at, String specialty, String dueOn) {
            return apply(new MatchingFailed(id, patient, specialty, LocalDate.parse(dueOn),
                    MatchingFailureReason.NO_INDEPENDENT_SPECIALIST, Instant.parse(at)), at);
        }

        Ref cancelled(String at) {
            return apply(new ReferralCancelled(id, null, "cancel-" + id, Instant.parse(at), "withdrawn", null), at);
        }

        private Ref apply(ConsiliumEvent event, String at) {
            projection.apply(ReportingFixtures.envelope(event, Instant.parse(at)));
            return this;
        }
    }

    @BeforeEach
    void theFixedReferrals() {
        if (loaded) {
            return;
        }
        new Ref().received("2025-03-03T08:00:00Z", X)
                .intakeCompleted("2025-03-03T14:00:00Z", X, "2025-03-17", null, false, IntakeReason.SURGERY_DECISION,
                        IntakeReason.TREATMENT_OPTIONS)
                .scheduled("2025-03-03T15:00:00Z", "2025-03-10T09:00:00Z", X)
                .completed("2025-03-10T13:00:00Z", Conclusion.CONFIRMS_POLICY, false);
        new Ref().received("2025-03-04T08:00:00Z", X)
                .intakeCompleted("2025-03-05T20:00:00Z", X, "2025-03-18", null, false, IntakeReason.DIAGNOSIS_DOUBT)
                .scheduled("2025-03-06T08:00:00Z", "2025-03-19T09:00:00Z", X)
                .completed("2025-03-19T11:00:00Z", Conclusion.DIFFERENT_INSIGHT, true);
        new Ref().received("2025-03-05T08:00:00Z", X).rejected("2025-03-05T10:00:00Z", RejectionReason.PATIENT_UNREACHABLE);
        new Ref().received("2025-03-06T08:00:00Z", X).overdue("2025-03-07T08:00:00Z");
        new Ref().received("2025-03-07T08:00:00Z", X)
                .intakeCompleted("2025-03-07T09:00:00Z", X, "2025-03-21", "2025-03-07T20:00:00Z", false,
                        IntakeReason.POLICY_EXPLANATION, IntakeReason.SURGERY_DECISION)
                .matchingFailed("2025-03-07T09:00:05Z", X, "2025-03-21");
        new Ref().received("2025-03-07T10:00:00Z", X).cancelled("2025-03-07T11:00:00Z");
        new Ref().received("2025-03-08T08:00:00Z", X);
        new Ref().received("2025-03-03T09:00:00Z", Y)
                .intakeCompleted("2025-03-04T08:00:00Z", Y, "2025-03-17", null, false, deprecatedOther())
                .scheduled("2025-03-04T10:00:00Z", "2025-03-17T10:00:00Z", Y)
                .completed("2025-03-17T16:00:00Z", Conclusion.FURTHER_INVESTIGATION_ADVISED, false);
        new Ref().received("2025-03-02T22:30:00Z", Y).rejected("2025-03-03T00:30:00Z", RejectionReason.DOSSIER_UNOBTAINABLE);
        new Ref().received("2025-03-07T22:59:00Z", Y).rejected("2025-03-08T00:59:00Z", RejectionReason.OTHER);
        loaded = true;
    }

    @SuppressWarnings("deprecation")
    private static IntakeReason deprecatedOther() {
        return IntakeReason.OTHER;
    }

    @Test
    void slaFiguresPerSpecialtyMatchTheHandComputedOnes() {
        JsonPath sla = given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/sla?" + PERIOD)
                .then().statusCode(200).contentType("application/json")
                .body("period.from", is("2025-03-03")).body("period.to", is("2025-03-07"))
                .body("asOf", notNullValue())
                .extract().jsonPath();

        String x = "bySpecialty.find { it.specialty == '" + X + "' }";
        assertThat(sla.getInt(x + ".referrals")).isEqualTo(6);
        assertPromise(sla, x + ".intakeWithin24Hours", 3, 2, 0, 0.6);
        assertPromise(sla, x + ".consultWithin10WorkingDays", 1, 2, 0, 0.3333);
        assertLeadTimes(sla, x, List.of(List.of(4, 2.0, 36.0), List.of(2, 1.0, 12.0), List.of(2, 162.0, 313.0),
                List.of(2, 2.0, 4.0)));
        assertThat(sla.getInt(x + ".overdueNow.intakes")).isEqualTo(2);
        assertThat(sla.getInt(x + ".overdueNow.consults")).isEqualTo(1);
        assertThat(sla.getInt(x + ".overdueNow.awaitingManualPlanning")).isEqualTo(1);

        String y = "bySpecialty.find { it.specialty == '" + Y + "' }";
        assertThat(sla.getInt(y + ".referrals")).isEqualTo(2);
        assertPromise(sla, y + ".intakeWithin24Hours", 2, 0, 0, 1.0);
        assertPromise(sla, y + ".consultWithin10WorkingDays", 1, 0, 0, 1.0);
        assertLeadTimes(sla, y, List.of(List.of(2, 2.0, 23.0), List.of(1, 2.0, 2.0), List.of(1, 312.0, 312.0),
                List.of(1, 6.0, 6.0)));
        assertThat(sla.getInt(y + ".overdueNow.intakes")).isZero();
        assertThat(sla.getInt(y + ".overdueNow.consults")).isZero();

        // the period holds only these referrals; overdue-now counts every referral, so it is not checked here
        assertThat(sla.getString("overall.specialty")).isNull();
        assertThat(sla.getInt("overall.referrals")).isEqualTo(8);
        assertPromise(sla, "overall.intakeWithin24Hours", 5, 2, 0, 0.7143);
        assertPromise(sla, "overall.consultWithin10WorkingDays", 2, 2, 0, 0.5);
        assertLeadTimes(sla, "overall", List.of(List.of(6, 2.0, 36.0), List.of(3, 2.0, 12.0),
                List.of(3, 312.0, 313.0), List.of(3, 4.0, 6.0)));
    }

    @Test
    void outcomesPerSpecialtyMatchTheHandComputedOnes() {
        JsonPath outcomes = given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/outcomes?" + PERIOD)
                .then().statusCode(200).extract().jsonPath();
        String x = "bySpecialty.find { it.specialty == '" + X + "' }";
        assertThat(List.of(outcomes.getInt(x + ".referrals"), outcomes.getInt(x + ".intakesCompleted"),
                outcomes.getInt(x + ".intakesRejected"), outcomes.getInt(x + ".cancelled"),
                outcomes.getInt(x + ".reportsFinal"), outcomes.getInt(x + ".reportsWithheld")))
                .containsExactly(6, 3, 1, 1, 2, 1);
        assertTallies(outcomes, x + ".reasons", Map.of("SURGERY_DECISION", 2, "TREATMENT_OPTIONS", 1,
                "DIAGNOSIS_DOUBT", 1, "UNEXPLAINED_COMPLAINTS", 0, "POLICY_EXPLANATION", 1));
        assertThat(outcomes.getList(x + ".reasons.value", String.class)).containsExactly("SURGERY_DECISION",
                "TREATMENT_OPTIONS", "DIAGNOSIS_DOUBT", "UNEXPLAINED_COMPLAINTS", "POLICY_EXPLANATION");
        assertThat(outcomes.getDouble(x + ".reasons.find { it.value == 'SURGERY_DECISION' }.share")).isEqualTo(0.6667);
        assertTallies(outcomes, x + ".conclusions", Map.of("CONFIRMS_POLICY", 1, "DIFFERENT_INSIGHT", 1,
                "FURTHER_INVESTIGATION_ADVISED", 0));
        assertThat(outcomes.getDouble(x + ".conclusions.find { it.value == 'CONFIRMS_POLICY' }.share")).isEqualTo(0.5);
        assertTallies(outcomes, x + ".rejectionReasons", Map.of("PATIENT_UNREACHABLE", 1, "OTHER", 0));
        assertThat(outcomes.getList(x + ".rejectionReasons")).hasSize(RejectionReason.values().length);

        String y = "bySpecialty.find { it.specialty == '" + Y + "' }";
        assertThat(outcomes.getInt(y + ".referrals")).isEqualTo(2);
        assertTallies(outcomes, y + ".reasons", Map.of("UNEXPLAINED_COMPLAINTS", 1, "SURGERY_DECISION", 0));
        assertTallies(outcomes, y + ".conclusions", Map.of("FURTHER_INVESTIGATION_ADVISED", 1, "CONFIRMS_POLICY", 0));
        assertTallies(outcomes, y + ".rejectionReasons", Map.of("OTHER", 1, "DOSSIER_UNOBTAINABLE", 0));

        assertThat(outcomes.getInt("overall.referrals")).isEqualTo(8);
        assertTallies(outcomes, "overall.conclusions", Map.of("CONFIRMS_POLICY", 1, "DIFFERENT_INSIGHT", 1,
                "FURTHER_INVESTIGATION_ADVISED", 1));
        assertThat(outcomes.getDouble("overall.conclusions[0].share")).isEqualTo(0.3333);
        assertTallies(outcomes, "overall.rejectionReasons", Map.of("PATIENT_UNREACHABLE", 1, "OTHER", 1));
        assertThat(outcomes.getDouble("overall.reasons.find { it.value == 'SURGERY_DECISION' }.share")).isEqualTo(0.5);
    }

    @Test
    void bothExportAsCsvWithAHeaderAndOneRowPerSpecialty() {
        String sla = given().auth().oauth2(Tokens.coordinator()).accept("text/csv").get("/api/reporting/sla?" + PERIOD)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", is("attachment; filename=\"consilium-sla-2025-03-03-2025-03-07.csv\""))
                .extract().asString();
        List<String> lines = sla.lines().toList();
        assertThat(lines.get(0)).isEqualTo("period_from,period_to,specialty,referrals,"
                + "intake_on_time,intake_late,intake_pending,intake_within_24h_share,"
                + "consult_on_time,consult_late,consult_pending,consult_within_10_working_days_share,"
                + "received_to_intake_decided_count,received_to_intake_decided_median_hours,"
                + "received_to_intake_decided_p90_hours,intake_to_scheduled_count,intake_to_scheduled_median_hours,"
                + "intake_to_scheduled_p90_hours,scheduled_to_consult_count,scheduled_to_consult_median_hours,"
                + "scheduled_to_consult_p90_hours,consult_to_report_count,consult_to_report_median_hours,"
                + "consult_to_report_p90_hours,overdue_intakes_now,overdue_consults_now,awaiting_manual_planning_now");
        assertThat(sla).contains("\r\n");
        assertThat(lines.get(1)).startsWith("2025-03-03,2025-03-07,all,8,5,2,0,0.7143,2,2,0,0.5,6,2,36,3,2,12,3,312,313,3,4,6,");
        assertThat(lines).contains(
                "2025-03-03,2025-03-07," + X + ",6,3,2,0,0.6,1,2,0,0.3333,4,2,36,2,1,12,2,162,313,2,2,4,2,1,1",
                "2025-03-03,2025-03-07," + Y + ",2,2,0,0,1,1,0,0,1,2,2,23,1,2,2,1,312,312,1,6,6,0,0,0");

        // ?format=csv works without an Accept header (a link in a browser), and wins over Accept
        String outcomes = given().auth().oauth2(Tokens.coordinator()).accept("application/json")
                .get("/api/reporting/outcomes?format=csv&" + PERIOD)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> rows = outcomes.lines().toList();
        assertThat(rows.get(0)).isEqualTo("period_from,period_to,specialty,dimension,value,count,share");
        String p = "2025-03-03,2025-03-07," + X + ",";
        assertThat(rows).contains(p + "referrals,,6,", p + "intakes_completed,,3,", p + "intakes_rejected,,1,",
                p + "cancelled,,1,", p + "reports_final,,2,", p + "reports_withheld,,1,",
                p + "reason,SURGERY_DECISION,2,0.6667", p + "reason,UNEXPLAINED_COMPLAINTS,0,0",
                p + "conclusion,CONFIRMS_POLICY,1,0.5", p + "conclusion,FURTHER_INVESTIGATION_ADVISED,0,0",
                p + "rejection_reason,PATIENT_UNREACHABLE,1,1", "2025-03-03,2025-03-07,all,referrals,,8,");
        assertThat(rows.stream().filter(row -> row.startsWith(p))).hasSize(6 + 5 + 3 + RejectionReason.values().length);

        // JSON stays the default
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/outcomes?format=json&" + PERIOD)
                .then().statusCode(200).contentType("application/json");
        given().auth().oauth2(Tokens.coordinator()).accept("*/*").get("/api/reporting/sla?" + PERIOD)
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void theFiguresArePrometheusGaugesLabelledBySpecialtyOnly() throws IOException {
        metrics.refresh();
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();

        // the test profile's window (ten years) holds the fixed referrals, R8 and R9 too
        assertThat(gauge(body, "consilium_reporting_referrals", Map.of("specialty", X))).contains(7.0);
        assertThat(gauge(body, "consilium_reporting_intake_within_24h_share", Map.of("specialty", X))).contains(0.5);
        assertThat(gauge(body, "consilium_reporting_consult_within_10_working_days_share", Map.of("specialty", X)))
                .contains(0.3333);
        assertThat(gauge(body, "consilium_reporting_intake_within_24h_share", Map.of("specialty", Y))).contains(1.0);
        assertThat(gauge(body, "consilium_reporting_lead_time_hours",
                Map.of("specialty", X, "step", "received_to_intake_decided", "quantile", "0.5"))).contains(2.0);
        assertThat(gauge(body, "consilium_reporting_lead_time_hours",
                Map.of("specialty", X, "step", "received_to_intake_decided", "quantile", "0.9"))).contains(36.0);
        assertThat(gauge(body, "consilium_reporting_overdue_intakes", Map.of("specialty", X))).contains(2.0);
        assertThat(gauge(body, "consilium_reporting_overdue_consults", Map.of("specialty", X))).contains(1.0);
        assertThat(gauge(body, "consilium_reporting_awaiting_manual_planning", Map.of("specialty", X))).contains(1.0);
        assertThat(gauge(body, "consilium_reporting_conclusions",
                Map.of("specialty", X, "conclusion", "different_insight"))).contains(1.0);
        assertThat(gauge(body, "consilium_reporting_intake_rejections",
                Map.of("specialty", Y, "reason", "dossier_unobtainable"))).contains(1.0);
        assertThat(gauge(body, "consilium_reporting_intake_reasons",
                Map.of("specialty", X, "reason", "surgery_decision"))).contains(2.0);
        assertThat(gauge(body, "consilium_reporting_referrals", Map.of("specialty", "all"))).isPresent();

        // the Grafana dashboard shipped with the deployment asks only for gauges that are there
        String dashboard = Files.readString(Path.of("../../deploy/grafana/consilium-reporting.json"));
        Matcher queried = Pattern.compile("consilium_reporting_\\w+").matcher(dashboard);
        int names = 0;
        while (queried.find()) {
            names++;
            assertThat(body).as("the dashboard's " + queried.group()).contains(queried.group() + "{");
        }
        assertThat(names).isGreaterThanOrEqualTo(10);

        // no label of any reporting gauge names a patient, a referral or a GP
        Pattern label = Pattern.compile("(\\w+)=\"");
        body.lines().filter(line -> line.startsWith("consilium_reporting_")).forEach(line -> {
            Matcher m = label.matcher(line);
            while (m.find()) {
                assertThat(m.group(1)).isIn("specialty", "step", "quantile", "conclusion", "reason");
            }
            assertThat(line).doesNotContain(GP);
        });
    }

    @Test
    void periodsAreCheckedAndOnlyCoordinatorsGetIn() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/sla?from=2025-03-08&to=2025-03-07")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:invalid-period"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/outcomes?from=yesterday")
                .then().statusCode(400).body("type", is("urn:consilium:problem:invalid-period"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/sla?from=2000-01-01&to=2025-01-01")
                .then().statusCode(400).body("type", is("urn:consilium:problem:invalid-period"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/sla?format=xlsx")
                .then().statusCode(400).body("type", is("urn:consilium:problem:invalid-format"));
        // without a period: the last 30 days up to today
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/sla")
                .then().statusCode(200).body("period.to", is(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                        .toString()))
                .body("overall.specialty", nullValue());
        for (String path : List.of("/api/reporting/sla", "/api/reporting/outcomes")) {
            given().auth().oauth2(Tokens.gp(GP)).get(path).then().statusCode(403);
            given().auth().oauth2(Tokens.nurse()).get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
        }
    }

    private static void assertPromise(JsonPath json, String path, int onTime, int late, int pending, Double share) {
        assertThat(List.of(json.getInt(path + ".onTime"), json.getInt(path + ".late"), json.getInt(path + ".pending")))
                .as(path).containsExactly(onTime, late, pending);
        assertThat(json.getDouble(path + ".share")).as(path + ".share").isEqualTo(share);
    }

    /** Per step in order: count, median hours, p90 hours. */
    private static void assertLeadTimes(JsonPath json, String figures, List<List<Number>> expected) {
        assertThat(json.getList(figures + ".leadTimes.step", String.class)).containsExactly(
                "RECEIVED_TO_INTAKE_DECIDED", "INTAKE_TO_SCHEDULED", "SCHEDULED_TO_CONSULT", "CONSULT_TO_REPORT");
        for (int i = 0; i < expected.size(); i++) {
            String step = figures + ".leadTimes[" + i + "]";
            assertThat(List.<Number>of(json.getInt(step + ".count"), json.getDouble(step + ".medianHours"),
                    json.getDouble(step + ".p90Hours"))).as(step).isEqualTo(expected.get(i));
        }
    }

    private static void assertTallies(JsonPath json, String path, Map<String, Integer> expected) {
        Map<String, Integer> actual = new HashMap<>();
        List<Map<String, Object>> tallies = json.getList(path);
        tallies.forEach(t -> actual.put((String) t.get("value"), ((Number) t.get("count")).intValue()));
        expected.forEach((value, count) -> assertThat(actual.get(value)).as(path + " " + value).isEqualTo(count));
    }

    /** The value of the gauge {@code name} with exactly the given labels, if exposed. */
    private static Optional<Double> gauge(String body, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$");
        return body.lines().map(line::matcher).filter(Matcher::matches)
                .filter(m -> labels(m.group(1)).equals(labels))
                .map(m -> Double.parseDouble(m.group(2))).findFirst();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
