package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.IntakeFlow.CALLS;
import static nl.consilium.intake.IntakeFlow.CASE;
import static nl.consilium.intake.IntakeFlow.CASES;
import static nl.consilium.intake.IntakeFlow.CLAIM;
import static nl.consilium.intake.IntakeFlow.DECISION;
import static nl.consilium.intake.IntakeFlow.INTAKE;
import static nl.consilium.intake.IntakeFlow.READINESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.EventCodec;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The intake API's case detail, roles, audit and errors over HTTP, with real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class IntakeApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    private ReferralReceived openCase() {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        return referral;
    }

    @Test
    void theCaseShowsTheReferralTheDeadlinesAndAnEmptyIntake() {
        ReferralReceived referral = openCase();
        given().auth().oauth2(Tokens.nurse()).get(CASE, referral.referralId())
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("referralId", is(referral.referralId().toString()))
                .body("status", is("OPEN"))
                .body("version", is(0))
                .body("receivedAt", is(referral.receivedAt().toString()))
                .body("intakeDueAt", is(referral.receivedAt().plus(Duration.ofHours(24)).toString()))
                .body("consultDueOn", notNullValue())
                .body("overdue", is(false))
                .body("patient.name", is("P. Testpatiënt"))
                .body("patient.phone", is("+31600000001"))
                .body("referrer.agb", is(ReferralFixtures.GP_AGB))
                .body("referral.treatingSpecialty", is("cardiology"))
                .body("referral.treatingHospital", is(ReferralFixtures.TREATING_HOSPITAL))
                .body("referral.treatingSpecialist", is(ReferralFixtures.TREATING_SPECIALIST))
                // the intake record starts with the referral's treating specialty, hospital and specialist
                .body("intake.treatingSpecialty", is("cardiology"))
                .body("intake.treatingHospital", is(ReferralFixtures.TREATING_HOSPITAL))
                .body("intake.treatingSpecialist", is(ReferralFixtures.TREATING_SPECIALIST))
                .body("intake.clarifiedQuestion", nullValue())
                .body("intake.reasons.size()", is(0))
                .body("objection.patientObjectsToGpReport", nullValue())
                .body("objection.history.size()", is(0))
                .body("transmuralAgreement", nullValue())
                .body("letterReceived", is(false))
                .body("claim", nullValue())
                .body("callAttempts.size()", is(0))
                .body("decisionReadiness.ready", is(false))
                .body("decisionReadiness.missing", is(List.of("clarifiedQuestion", "reasons", "preferredLanguage",
                        "availability", "patientObjectsToGpReport", "reachedCall")))
                .body("decision", nullValue())
                .body("cancellation", nullValue())
                .body("dossier.items.size()", is(0))
                .body("dossier.documents.size()", is(0));
    }

    @Test
    void everyReadAndChangeOfPatientDataIsAuditedInTheSameTransactionAndPublished() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        String nurse = Tokens.nurse("nurse.visser");
        given().auth().oauth2(nurse).get(CASE, id).then().statusCode(200);
        IntakeFlow.claim(nurse, id).statusCode(200);
        IntakeFlow.call(nurse, id, "REACHED").statusCode(201);
        IntakeFlow.save(nurse, id, IntakeFlow.completeRecord()).statusCode(200);
        given().auth().oauth2(nurse).get(READINESS, id).then().statusCode(200);
        IntakeFlow.decide(nurse, id, Map.of("suitable", true)).statusCode(200);
        given().auth().oauth2(nurse).delete(CLAIM, id).then().statusCode(204);

        assertThat(IntakeFlow.auditActions(entityManager, referral.patientId())).containsExactly(
                "intake-case.read", "intake-claim.create", "call-attempt.create", "intake-case.update",
                "intake-case.read", "intake-case.update", "intake-claim.delete");
        List<Object[]> rows = IntakeFlow.rows(entityManager,
                "select user_subject, user_roles, client_address, referral_id from audit_log where patient_id = ?1",
                referral.patientId());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[0]).isEqualTo("nurse.visser");
            assertThat((String) r[1]).contains("nurse");
            assertThat(r[2]).isNotNull();
            assertThat(r[3]).isEqualTo(id);
        });

        var audits = nl.consilium.testing.TestKafka.awaitRecords(Topics.AUDIT,
                r -> r.key().equals(referral.patientId().toString()), 7, WAIT);
        assertThat(audits.stream().map(r -> EventCodec.decode(r.value()).orElseThrow().dataAs(AuditRecorded.class)
                .action())).contains("intake-claim.create", "call-attempt.create");
    }

    @Test
    void aRefusedChangeIsAuditedAsDenied() {
        ReferralReceived referral = openCase();
        IntakeFlow.claim(Tokens.nurse("nurse.holder"), referral.referralId()).statusCode(200);
        IntakeFlow.save(Tokens.nurse("nurse.other"), referral.referralId(), Map.of("focusArea", "valves"))
                .statusCode(409);

        List<Object[]> denied = IntakeFlow.rows(entityManager,
                "select action, user_subject from audit_log where patient_id = ?1 and outcome = 'DENIED'",
                referral.patientId());
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0)).containsExactly("intake-case.update", "nurse.other");
    }

    @Test
    void gpsAndSpecialistsGetForbiddenOnTheWorklistAndEveryIntakeEndpoint() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        for (String outsider : List.of(Tokens.gp(ReferralFixtures.GP_AGB), Tokens.specialist("03123456", "cardiology"))) {
            given().auth().oauth2(outsider).get(CASES).then().statusCode(403)
                    .contentType("application/problem+json").body("type", is("urn:consilium:problem:forbidden"));
            given().auth().oauth2(outsider).get(CASE, id).then().statusCode(403);
            given().auth().oauth2(outsider).get(READINESS, id).then().statusCode(403);
            given().auth().oauth2(outsider).post(CLAIM, id).then().statusCode(403);
            given().auth().oauth2(outsider).delete(CLAIM, id).then().statusCode(403);
            given().auth().oauth2(outsider).contentType(ContentType.JSON).body(Map.of("outcome", "REACHED"))
                    .post(CALLS, id).then().statusCode(403);
            given().auth().oauth2(outsider).contentType(ContentType.JSON).body(Map.of("focusArea", "x"))
                    .put(INTAKE, id).then().statusCode(403);
            given().auth().oauth2(outsider).contentType(ContentType.JSON).body(Map.of("suitable", true))
                    .post(DECISION, id).then().statusCode(403);
        }
        assertThat(IntakeFlow.count(entityManager, "select count(*) from audit_log where patient_id = ?1",
                referral.patientId())).isZero();
    }

    @Test
    void coordinatorsReadButDoNotChange() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        String coordinator = Tokens.coordinator();
        given().auth().oauth2(coordinator).get(CASE, id).then().statusCode(200).body("status", is("OPEN"));
        given().auth().oauth2(coordinator).get(READINESS, id).then().statusCode(200);
        given().auth().oauth2(coordinator).get(CASES).then().statusCode(200);
        given().auth().oauth2(coordinator).post(CLAIM, id).then().statusCode(403);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("outcome", "REACHED"))
                .post(CALLS, id).then().statusCode(403);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("suitable", true))
                .post(DECISION, id).then().statusCode(403);
    }

    @Test
    void onlyValidTokensGetIn() {
        ReferralReceived referral = openCase();
        given().get(CASES).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("suitable", true))
                .post(DECISION, referral.referralId()).then().statusCode(401);
        given().auth().oauth2(Tokens.signedByAnotherKey("nurse.bakker", "nurse")).get(CASES).then().statusCode(401);
        given().auth().oauth2(Tokens.expired("nurse.bakker", "nurse")).get(CASES).then().statusCode(401);
    }

    @Test
    void malformedBodiesAndUnknownCasesAreProblemsNotServerErrors() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        String nurse = Tokens.nurse("nurse.malformed");
        IntakeFlow.claim(nurse, id).statusCode(200);
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body("{\"suitable\": tru")
                .post(DECISION, id).then().statusCode(400).body("type", is("urn:consilium:problem:malformed-request"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("suitable", "perhaps"))
                .post(DECISION, id).then().statusCode(400).body("type", startsWith("urn:consilium:problem:"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE"))
                .post(CALLS, id).then().statusCode(400).body("type", is("urn:consilium:problem:malformed-request"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("reasons", List.of("HUNCH")))
                .put(INTAKE, id).then().statusCode(400).body("type", is("urn:consilium:problem:malformed-request"));
        given().auth().oauth2(nurse).header("If-Match", "\"three\"").contentType(ContentType.JSON)
                .body(Map.of("focusArea", "valves")).put(INTAKE, id)
                .then().statusCode(400).body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors[0].field", is("If-Match"));
        given().auth().oauth2(nurse).get(CASE, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        IntakeFlow.claim(nurse, UUID.randomUUID()).statusCode(404).body("type", is("urn:consilium:problem:not-found"));
        IntakeFlow.call(nurse, UUID.randomUUID(), "REACHED").statusCode(404);
        given().auth().oauth2(nurse).get(CASES + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        // nothing changed
        IntakeFlow.get(nurse, id).statusCode(200).body("version", is(0)).body("callAttempts.size()", is(0));
    }

    @Test
    void theOldPathsAreGone() {
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases").then().statusCode(404);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", notNullValue())
                .body("paths.'/api/intake/cases/{referralId}/claim'", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }
}
