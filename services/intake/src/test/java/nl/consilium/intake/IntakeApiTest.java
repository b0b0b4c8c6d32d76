package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The nurse's API over HTTP, with real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class IntakeApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    private static final Map<String, Object> SUITABLE = Map.of(
            "suitable", true,
            "clarifiedQuestion", "Is bypass surgery the right treatment?",
            "reasons", List.of("DOUBT_ABOUT_TREATMENT"),
            "preferredLanguage", "nl",
            "patientObjectsToGpReport", false);

    private ReferralReceived openCase() {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        return referral;
    }

    @Test
    void suitableDecisionSetsTheDeadlineAndPublishesIntakeCompletedThroughTheOutbox() {
        ReferralReceived referral = openCase();
        String nurse = Tokens.nurse("nurse.bakker");

        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(200)
                .body("status", is("SUITABLE"))
                .body("decision.specialty", is("cardiology"))
                .body("decision.consultDueOn", notNullValue())
                .body("decision.reasons", contains("DOUBT_ABOUT_TREATMENT"));

        var event = TestKafka.awaitEvent(Topics.INTAKE, "nl.consilium.intake.IntakeCompleted.v1",
                referral.referralId().toString(), WAIT);
        IntakeCompleted completed = event.dataAs(IntakeCompleted.class);
        assertThat(completed.clarifiedQuestion()).isEqualTo("Is bypass surgery the right treatment?");
        assertThat(completed.reasons()).containsExactly(IntakeReason.DOUBT_ABOUT_TREATMENT);
        assertThat(completed.referrerAgb()).isEqualTo(ReferralFixtures.GP_AGB);
        assertThat(completed.patientId()).isEqualTo(referral.patientId());
        assertThat(event.source()).isEqualTo("/consilium/intake");

        var record = TestKafka.awaitRecords(Topics.INTAKE,
                r -> r.key().equals(referral.referralId().toString()), 1, WAIT).get(0);
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.id().toString());
    }

    @Test
    void everyReadAndChangeOfPatientDataIsAuditedInTheSameTransactionAndPublished() {
        ReferralReceived referral = openCase();
        String nurse = Tokens.nurse("nurse.visser");
        given().auth().oauth2(nurse).get("/api/intake-cases/{id}", referral.referralId()).then().statusCode(200)
                .body("patient.name", is("P. Testpatiënt"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId()).then().statusCode(200);

        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, user_subject, user_roles, outcome, client_address from audit_log"
                                + " where patient_id = ?1 order by occurred_at")
                .setParameter(1, referral.patientId()).getResultList());
        assertThat(rows).extracting(r -> r[0]).containsExactly("intake-case.read", "intake-case.update");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo("nurse.visser");
            assertThat((String) r[2]).contains("nurse");
            assertThat(r[3]).isEqualTo("SUCCESS");
            assertThat(r[4]).isNotNull();
        });

        var audits = TestKafka.awaitRecords(Topics.AUDIT, r -> r.key().equals(referral.patientId().toString()), 2, WAIT);
        assertThat(audits).hasSize(2);
        var decoded = nl.consilium.events.EventCodec.decode(audits.get(1).value()).orElseThrow();
        assertThat(decoded.dataAs(AuditRecorded.class).action()).isEqualTo("intake-case.update");
    }

    @Test
    void aCaseIsDecidedOnlyOnce() {
        ReferralReceived referral = openCase();
        String nurse = Tokens.nurse();
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId()).then().statusCode(200);
        given().auth().oauth2(nurse).contentType(ContentType.JSON)
                .body(Map.of("suitable", false, "unsuitableReason", "changed my mind"))
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-already-decided"));
    }

    @Test
    void anIncompleteDecisionIsRejectedWithTheFieldsToFixAndChangesNothing() {
        ReferralReceived referral = openCase();
        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON)
                .body(Map.of("suitable", true, "preferredLanguage", "Dutch"))
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("preferredLanguage"))
                .body("errors.field", hasItem("clarifiedWhenSuitable"));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", referral.referralId())
                .then().statusCode(200).body("status", is("OPEN"));
    }

    @Test
    void malformedBodiesAndUnknownCasesAreProblemsNotServerErrors() {
        ReferralReceived referral = openCase();
        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON).body("{\"suitable\": tru")
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(400).body("type", is("urn:consilium:problem:malformed-request"));
        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON).body(Map.of("suitable", "perhaps"))
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(400).body("type", startsWith("urn:consilium:problem:"));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyNursesDecideAndOnlyValidTokensGetIn() {
        ReferralReceived referral = openCase();
        given().auth().oauth2(Tokens.gp(ReferralFixtures.GP_AGB)).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(403).body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId()).then().statusCode(403);
        given().contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId()).then().statusCode(401);
        given().auth().oauth2(Tokens.signedByAnotherKey("nurse.bakker", "nurse"))
                .get("/api/intake-cases").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("nurse.bakker", "nurse"))
                .get("/api/intake-cases").then().statusCode(401);
        given().auth().oauth2(Tokens.coordinator()).get("/api/intake-cases/{id}", referral.referralId())
                .then().statusCode(200).body("status", is("OPEN"));
    }

    @Test
    void theWorklistShowsOpenCasesByDeadline() {
        ReferralReceived referral = openCase();
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases?status=OPEN")
                .then().statusCode(200).body("referralId", hasItem(referral.referralId().toString()));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases?status=MAYBE")
                .then().statusCode(404);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }
}
