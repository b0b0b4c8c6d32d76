package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.EventCodec;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.reporting.service.ReportingProjection;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The GP's and the coordinator's API over HTTP, with real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class GpReferralApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReportingProjection projection;

    @Inject
    EntityManager entityManager;

    /** Applies the first {@code steps} events of the referral's life, as the consumers would. */
    private ReportingFixtures after(ReportingFixtures r, int steps) {
        r.lifecycle().subList(0, steps).forEach(projection::apply);
        return r;
    }

    @Test
    void aGpListsOwnReferralsNewestFirstWithoutReportText() {
        String agb = ReportingFixtures.randomGpAgb();
        ReportingFixtures older = after(ReportingFixtures.referralBy(agb, Instant.parse("2026-11-02T08:00:00Z"), false), 4);
        ReportingFixtures newer = after(ReportingFixtures.referralBy(agb, Instant.parse("2026-11-20T08:00:00Z"), false), 2);
        ReportingFixtures someoneElses = after(ReportingFixtures.referral(), 4);

        String body = given().auth().oauth2(Tokens.gp(agb)).get("/api/gp/referrals")
                .then().statusCode(200)
                .body("referralId", contains(newer.referralId().toString(), older.referralId().toString()))
                .body("status", contains("INTAKE_COMPLETED", "REPORT_AVAILABLE"))
                .body("zorgDomeinNumber", contains(newer.zdNumber(), older.zdNumber()))
                .extract().asString();
        assertThat(body).doesNotContain(ReportingFixtures.FINDINGS, ReportingFixtures.RECOMMENDATIONS,
                someoneElses.referralId().toString());
        assertThat(auditActions(older.patientId())).containsExactly("gp-referral.search");
    }

    @Test
    void aGpReadsStatusTimelineAndReportOfOwnReferral() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        String gp = Tokens.gp(r.referrerAgb());
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200)
                .body("status", is("REPORT_AVAILABLE"))
                .body("timeline.milestone", contains("RECEIVED", "INTAKE_COMPLETED", "CONSULT_SCHEDULED",
                        "CONSULTED", "REPORT_AVAILABLE"))
                .body("timeline[3].at", is(r.consultStartsAt().toString()))
                .body("findings", nullValue());
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(200)
                .body("conclusion", is("CONFIRMS_POLICY"))
                .body("findings", is(ReportingFixtures.FINDINGS))
                .body("specialistName", is(ReportingFixtures.SPECIALIST));
    }

    @Test
    void anotherGpsReferralIsNotFoundNotForbidden() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        String otherGp = Tokens.gp(ReportingFixtures.randomGpAgb());
        given().auth().oauth2(otherGp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(otherGp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(404).body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(otherGp).get("/api/gp/referrals/{id}", UUID.randomUUID())
                .then().statusCode(404).body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(otherGp).get("/api/gp/referrals")
                .then().statusCode(200).body("$", empty());
        // a GP token without an AGB code sees nothing at all
        String noAgb = Tokens.withRoles("gp-without-agb", Map.of(), "gp");
        given().auth().oauth2(noAgb).get("/api/gp/referrals").then().statusCode(200).body("$", empty());
        given().auth().oauth2(noAgb).get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(404);
        assertThat(auditActions(r.patientId())).isEmpty();
    }

    @Test
    void theReportIsNotAvailableBeforeItIsFinal() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 3);
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:report-not-available"));
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is("CONSULT_SCHEDULED"))
                .body("specialistName", is(ReportingFixtures.SPECIALIST))
                .body("completedAt", nullValue());
    }

    @Test
    void theReportIsWithheldWhenThePatientObjectedAndTheRefusalIsAudited() {
        ReportingFixtures r = after(ReportingFixtures.referral().objecting(), 4);
        String gp = Tokens.gp(r.referrerAgb());
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:report-withheld"))
                .body("detail", not(org.hamcrest.Matchers.containsString(ReportingFixtures.FINDINGS)));
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is("REPORT_WITHHELD"))
                .body("timeline.milestone[4]", is("REPORT_WITHHELD"));

        List<Object[]> rows = auditRows(r.patientId());
        assertThat(rows).extracting(row -> row[0] + " " + row[3])
                .containsExactly("consult-report.read DENIED", "gp-referral.read SUCCESS");

        // an objection recorded at the intake already withholds the report before it is final
        ReportingFixtures early = after(ReportingFixtures.referral().objecting(), 2);
        given().auth().oauth2(Tokens.gp(early.referrerAgb())).get("/api/gp/referrals/{id}/report", early.referralId())
                .then().statusCode(403).body("type", is("urn:consilium:problem:report-withheld"));
    }

    @Test
    void gpReadsAreAuditedPublishedAndComeBackInTheAccessLogWithoutALoop() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        String gp = Tokens.gp(r.referrerAgb());
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(200);
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(200);

        List<Object[]> rows = auditRows(r.patientId());
        assertThat(rows).extracting(row -> row[0]).containsExactly("gp-referral.read", "consult-report.read");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row[1]).isEqualTo("gp-" + r.referrerAgb());
            assertThat((String) row[2]).contains("gp");
            assertThat(row[3]).isEqualTo("SUCCESS");
            assertThat(row[4]).isNotNull();
        });

        String key = r.patientId().toString();
        var published = TestKafka.awaitRecords(Topics.AUDIT, rec -> key.equals(rec.key())
                && "consult-report.read".equals(TestKafka.decode(rec).map(e -> e.dataAs(AuditRecorded.class).action())
                        .orElse(null)), 1, WAIT).get(0);
        var report = EventCodec.decode(published.value()).orElseThrow();
        AuditRecorded reportRead = report.dataAs(AuditRecorded.class);
        assertThat(report.source()).isEqualTo("/consilium/reporting");
        assertThat(reportRead.service()).isEqualTo("reporting");
        assertThat(reportRead.referralId()).isEqualTo(r.referralId());
        assertThat(reportRead.userSubject()).isEqualTo("gp-" + r.referrerAgb());
        assertThat(new String(published.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(report.id().toString());

        // reporting reads its own audit records back into the patient's overview ...
        await().atMost(WAIT).untilAsserted(() -> assertThat(accessLogRows(r.patientId())).isEqualTo(2));
        given().auth().oauth2(Tokens.coordinator()).get("/api/patients/{id}/access-log", r.patientId())
                .then().statusCode(200)
                .body("entries.action", contains("gp-referral.read", "consult-report.read"))
                .body("entries.service", contains("reporting", "reporting"))
                .body("entries.userSubject", contains("gp-" + r.referrerAgb(), "gp-" + r.referrerAgb()));
        // ... and storing them audits nothing: only the coordinator's read adds one more record, once
        await().atMost(WAIT).untilAsserted(() -> assertThat(accessLogRows(r.patientId())).isEqualTo(3));
        // distinct event ids: the relay publishes at least once, a repeat is the same event
        var all = TestKafka.allRecords(Topics.AUDIT, Duration.ofSeconds(3)).stream()
                .filter(rec -> key.equals(rec.key()))
                .map(rec -> EventCodec.decode(rec.value()).orElseThrow().id()).distinct().toList();
        assertThat(all).hasSize(3);
        assertThat(accessLogRows(r.patientId())).isEqualTo(3);
        given().auth().oauth2(Tokens.coordinator()).get("/api/patients/{id}/access-log", r.patientId())
                .then().statusCode(200)
                .body("entries.action", contains("gp-referral.read", "consult-report.read",
                        "patient-access-log.read"))
                .body("entries[2].userSubject", is("coordinator"));
    }

    @Test
    void anUnknownPatientHasAnEmptyAccessLogAndThatLookUpIsNotAnAccess() {
        UUID nobody = UUID.randomUUID();
        given().auth().oauth2(Tokens.coordinator()).get("/api/patients/{id}/access-log", nobody)
                .then().statusCode(200).body("patientId", is(nobody.toString())).body("entries", empty());
        assertThat(auditActions(nobody)).isEmpty();
    }

    @Test
    void onlyGpsReadReferralsOnlyCoordinatorsReadAccessLogsAndOnlyValidTokensGetIn() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        for (String wrongRole : List.of(Tokens.nurse(), Tokens.specialist("03111111", "cardiology"),
                Tokens.coordinator())) {
            given().auth().oauth2(wrongRole).get("/api/gp/referrals").then().statusCode(403)
                    .contentType("application/problem+json").body("type", is("urn:consilium:problem:forbidden"));
            given().auth().oauth2(wrongRole).get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(403);
            given().auth().oauth2(wrongRole).get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.gp(r.referrerAgb())).get("/api/patients/{id}/access-log", r.patientId())
                .then().statusCode(403);
        given().auth().oauth2(Tokens.nurse()).get("/api/patients/{id}/access-log", r.patientId())
                .then().statusCode(403);

        given().get("/api/gp/referrals").then().statusCode(401).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:unauthorized"));
        given().get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(401);
        given().get("/api/patients/{id}/access-log", r.patientId()).then().statusCode(401);
        given().auth().oauth2(Tokens.signedByAnotherKey("gp-" + r.referrerAgb(), "gp"))
                .get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(401);
        given().auth().oauth2(Tokens.expired("gp-" + r.referrerAgb(), "gp"))
                .get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/gp/referrals").then().statusCode(401);
        assertThat(auditActions(r.patientId())).isEmpty();
    }

    @Test
    void malformedIdsAreProblemsNotServerErrors() {
        given().auth().oauth2(Tokens.gp(ReportingFixtures.randomGpAgb())).get("/api/gp/referrals/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinator()).get("/api/patients/not-a-uuid/access-log")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue())
                .body("paths.'/api/gp/referrals/{referralId}/report'", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }

    private List<Object[]> auditRows(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, user_subject, user_roles, outcome, client_address from audit_log"
                                + " where patient_id = ?1 order by occurred_at")
                .setParameter(1, patientId).getResultList());
    }

    private List<Object> auditActions(UUID patientId) {
        return auditRows(patientId).stream().map(row -> row[0]).toList();
    }

    private long accessLogRows(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from patient_access_log where patient_id = ?1")
                .setParameter(1, patientId).getSingleResult()).longValue());
    }
}
