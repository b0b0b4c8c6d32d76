package nl.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultService;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The specialist's API over HTTP, with real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ConsultApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private static final Map<String, Object> REPORT = Map.of(
            "findings", "Dossier bestudeerd; beeldbelconsult gehouden. Diagnose consistent.",
            "conclusion", "CONFIRMS_POLICY",
            "recommendations", "Het beleid van de behandelend specialist volgen.");

    @Inject
    ConsultService consults;

    @Inject
    EntityManager entityManager;

    private static String smit() {
        return Tokens.specialist(ConsultFixtures.SMIT_AGB, "cardiology");
    }

    private static String mulder() {
        return Tokens.specialist(ConsultFixtures.MULDER_AGB, "cardiology");
    }

    /** A consult with both halves known, booked with Jeroen Smit. */
    private Referral scheduled() {
        return scheduled(false);
    }

    private Referral scheduled(boolean patientObjects) {
        Referral referral = Referral.fresh();
        consults.recordIntake(referral.intake(patientObjects));
        consults.recordBooking(referral.booking());
        return referral;
    }

    @Test
    void theAssignedSpecialistDraftsAndSignsTheReportAndConsultCompletedIsPublishedOnce() {
        Referral referral = scheduled();
        UUID id = referral.referralId();

        given().auth().oauth2(smit()).get("/api/consults/{id}", id).then().statusCode(200)
                .body("status", is("SCHEDULED"))
                .body("clarifiedQuestion", is(ConsultFixtures.QUESTION))
                .body("reasons", contains("DOUBT_ABOUT_TREATMENT"))
                .body("patient.name", is("P. Testpatiënt"))
                .body("patient.birthDate", is("1970-01-31"))
                .body("appointment.specialistName", is(ConsultFixtures.SMIT_NAME))
                .body("report", nullValue());

        given().auth().oauth2(smit()).contentType(ContentType.JSON)
                .body(Map.of("findings", "first thoughts", "conclusion", "DIFFERENT_INSIGHT",
                        "recommendations", "to be written"))
                .put("/api/consults/{id}/report", id)
                .then().statusCode(200)
                .body("status", is("REPORT_DRAFTED"))
                .body("report.conclusion", is("DIFFERENT_INSIGHT"))
                .body("report.finalised", is(false))
                .body("report.signedBy", nullValue());
        // the draft can be rewritten until it is signed
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(200)
                .body("status", is("REPORT_DRAFTED"))
                .body("report.findings", is(REPORT.get("findings")))
                .body("report.conclusion", is("CONFIRMS_POLICY"));
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), Duration.ofSeconds(1))).isEmpty();

        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", id)
                .then().statusCode(200)
                .body("status", is("COMPLETED"))
                .body("report.finalised", is(true))
                .body("report.signedBy", is(ConsultFixtures.SMIT_NAME))
                .body("report.signedAt", notNullValue());

        var event = TestKafka.awaitEvent(EventType.CONSULT_COMPLETED, id.toString(), WAIT);
        assertThat(event.source()).isEqualTo("/consilium/consult");
        ConsultCompleted completed = event.dataAs(ConsultCompleted.class);
        assertThat(completed.referralId()).isEqualTo(id);
        assertThat(completed.patientId()).isEqualTo(referral.patientId());
        assertThat(completed.specialistAgb()).isEqualTo(ConsultFixtures.SMIT_AGB);
        assertThat(completed.referrerAgb()).isEqualTo(ConsultFixtures.GP_AGB);
        assertThat(completed.patientObjectsToGpReport()).isFalse();
        assertThat(completed.consultId()).isNotNull();
        assertThat(completed.report().question()).isEqualTo(ConsultFixtures.QUESTION);
        assertThat(completed.report().findings()).isEqualTo(REPORT.get("findings"));
        assertThat(completed.report().conclusion()).isEqualTo(Conclusion.CONFIRMS_POLICY);
        assertThat(completed.report().recommendations()).isEqualTo(REPORT.get("recommendations"));
        assertThat(completed.report().signedBy()).isEqualTo(ConsultFixtures.SMIT_NAME);
        assertThat(completed.report().signedAt()).isEqualTo(completed.completedAt());

        var record = TestKafka.awaitRecords(Topics.CONSULT, r -> r.key().equals(id.toString()), 1, WAIT).get(0);
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.id().toString());

        // signed is final: a second signature or a new draft is a conflict, and nothing is published again
        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:report-final"));
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(409).body("type", is("urn:consilium:problem:report-final"));
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), SETTLE)).hasSize(1);
        assertThat(TestKafka.allRecords(Topics.CONSULT, Duration.ofMillis(500)))
                .filteredOn(r -> r.key().equals(id.toString())).hasSize(1);
    }

    @Test
    void thePatientsObjectionTravelsWithTheReport() {
        Referral referral = scheduled(true);
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", referral.referralId()).then().statusCode(200);
        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", referral.referralId())
                .then().statusCode(200);
        var event = TestKafka.awaitEvent(EventType.CONSULT_COMPLETED, referral.referralId().toString(), WAIT);
        assertThat(event.dataAs(ConsultCompleted.class).patientObjectsToGpReport()).isTrue();
    }

    @Test
    void signingNeedsADraftAndADraftNeedsAScheduledConsult() {
        Referral referral = scheduled();
        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:no-draft-report"));

        Referral bookedOnly = Referral.fresh();
        consults.recordBooking(bookedOnly.booking());
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", bookedOnly.referralId())
                .then().statusCode(409).body("type", is("urn:consilium:problem:consult-not-ready"));
        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", bookedOnly.referralId())
                .then().statusCode(409).body("type", is("urn:consilium:problem:no-draft-report"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", bookedOnly.referralId())
                .then().statusCode(200).body("status", is("AWAITING_INTAKE")).body("report", nullValue());

        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, referral.referralId().toString(), SETTLE)).isEmpty();
    }

    @Test
    void anotherSpecialistsConsultIsNotFoundAndStaysUntouched() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        given().auth().oauth2(mulder()).get("/api/consults/{id}", id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(mulder()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id).then().statusCode(404);
        given().auth().oauth2(mulder()).post("/api/consults/{id}/report/finalise", id).then().statusCode(404);
        given().auth().oauth2(mulder()).get("/api/consults")
                .then().statusCode(200).body("referralId", not(hasItem(id.toString())));
        // a specialist token without an AGB code sees nothing
        String noAgb = Tokens.withRoles("specialist-without-agb", Map.of(), Tokens.SPECIALIST);
        given().auth().oauth2(noAgb).get("/api/consults/{id}", id).then().statusCode(404);
        given().auth().oauth2(noAgb).get("/api/consults").then().statusCode(200).body("size()", is(0));

        given().auth().oauth2(smit()).get("/api/consults/{id}", id).then().statusCode(200)
                .body("status", is("SCHEDULED")).body("report", nullValue());

        List<Object[]> rows = auditRows(referral.patientId());
        assertThat(rows).filteredOn(r -> "DENIED".equals(r[3])).extracting(r -> r[0] + " " + r[1])
                .containsExactly("consult.read specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.read specialist-without-agb");
        assertThat(rows).filteredOn(r -> "SUCCESS".equals(r[3])).extracting(r -> r[1])
                .containsOnly("specialist-" + ConsultFixtures.SMIT_AGB);
    }

    @Test
    void theSpecialistListsOwnConsultsOnly() {
        Referral mine = scheduled();
        Referral notReady = Referral.fresh();
        consults.recordBooking(notReady.booking());
        Referral mulders = Referral.fresh();
        consults.recordIntake(mulders.intake());
        consults.recordBooking(mulders.booking(ConsultFixtures.MULDER_AGB, ConsultFixtures.MULDER_NAME));

        given().auth().oauth2(smit()).get("/api/consults").then().statusCode(200)
                .body("referralId", hasItem(mine.referralId().toString()))
                .body("referralId", not(hasItem(notReady.referralId().toString())))
                .body("referralId", not(hasItem(mulders.referralId().toString())))
                .body("find { it.referralId == '" + mine.referralId() + "' }.patientName", is("P. Testpatiënt"))
                .body("find { it.referralId == '" + mine.referralId() + "' }.status", is("SCHEDULED"));
        given().auth().oauth2(mulder()).get("/api/consults").then().statusCode(200)
                .body("referralId", hasItem(mulders.referralId().toString()))
                .body("referralId", not(hasItem(mine.referralId().toString())));

        assertThat(auditRows(mine.patientId())).extracting(r -> r[0]).containsExactly("consult.search");
    }

    @Test
    void onlyTheRightRolesGetInAndOnlyValidTokens() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        String nurse = Tokens.nurse();
        given().auth().oauth2(nurse).get("/api/consults/{id}", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(nurse).get("/api/consults").then().statusCode(403);
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id).then().statusCode(403);
        given().auth().oauth2(nurse).post("/api/consults/{id}/report/finalise", id).then().statusCode(403);
        given().auth().oauth2(Tokens.gp(ConsultFixtures.GP_AGB)).get("/api/consults/{id}", id).then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults").then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id).then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).post("/api/consults/{id}/report/finalise", id)
                .then().statusCode(403);

        given().get("/api/consults/{id}", id).then().statusCode(401)
                .body("type", is("urn:consilium:problem:unauthorized"));
        given().contentType(ContentType.JSON).body(REPORT).put("/api/consults/{id}/report", id).then().statusCode(401);
        given().post("/api/consults/{id}/report/finalise", id).then().statusCode(401);
        given().auth().oauth2(Tokens.signedByAnotherKey("specialist-" + ConsultFixtures.SMIT_AGB, "specialist"))
                .get("/api/consults").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("specialist-" + ConsultFixtures.SMIT_AGB, "specialist"))
                .get("/api/consults").then().statusCode(401);

        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", id)
                .then().statusCode(200).body("status", is("SCHEDULED"));
        assertThat(auditRows(referral.patientId())).extracting(r -> r[0] + " " + r[1])
                .containsExactly("consult.read coordinator");
    }

    @Test
    void anInvalidReportIsRejectedWithTheFieldsToFixAndChangesNothing() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("findings", "   ");
        invalid.put("recommendations", "x".repeat(4001));
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(invalid)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("findings"))
                .body("errors.field", hasItem("conclusion"))
                .body("errors.field", hasItem("recommendations"));
        Map<String, Object> tooLong = new HashMap<>(REPORT);
        tooLong.put("findings", "x".repeat(8001));
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(tooLong)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).body("errors.field", contains("findings"));
        Map<String, Object> unknownConclusion = new HashMap<>(REPORT);
        unknownConclusion.put("conclusion", "MAYBE");
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(unknownConclusion)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).body("type", startsWith("urn:consilium:problem:"));
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body("{\"findings\": \"unfinished")
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).body("type", is("urn:consilium:problem:malformed-request"));
        given().auth().oauth2(smit()).contentType(ContentType.JSON)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).body("type", startsWith("urn:consilium:problem:"));

        assertThat(auditRows(referral.patientId())).isEmpty();
        given().auth().oauth2(smit()).get("/api/consults/{id}", id).then().statusCode(200)
                .body("status", is("SCHEDULED")).body("report", nullValue());
        given().auth().oauth2(smit()).get("/api/consults/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(smit()).get("/api/consults/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyReadAndChangeIsAuditedAndPublished() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        given().auth().oauth2(smit()).get("/api/consults/{id}", id).then().statusCode(200);
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id).then().statusCode(200);
        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", id).then().statusCode(200);

        List<Object[]> rows = auditRows(referral.patientId());
        assertThat(rows).extracting(r -> r[0]).containsExactly("consult.read", "consult.update", "consult.update");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo("specialist-" + ConsultFixtures.SMIT_AGB);
            assertThat((String) r[2]).contains("specialist");
            assertThat(r[3]).isEqualTo("SUCCESS");
            assertThat(r[4]).isNotNull();
            assertThat(r[5]).isEqualTo("consult/" + id);
        });

        var audits = TestKafka.awaitRecords(Topics.AUDIT, r -> r.key().equals(referral.patientId().toString()), 3, WAIT);
        assertThat(audits).hasSize(3);
        assertThat(audits).extracting(r -> EventCodec.decode(r.value()).orElseThrow()
                        .dataAs(AuditRecorded.class).action())
                .containsExactly("consult.read", "consult.update", "consult.update");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", notNullValue())
                .body("paths.'/api/consults/{referralId}/report/finalise'", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }

    /** action, user_subject, user_roles, outcome, client_address, resource of the patient's audit rows, oldest first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> auditRows(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, user_subject, user_roles, outcome, client_address, resource from audit_log"
                                + " where patient_id = ?1 order by occurred_at, action")
                .setParameter(1, patientId).getResultList());
    }
}
