package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The NEN 7513 overview of one patient ({@code GET /api/reporting/audit?patient=}): every access in
 * every service from the audit events, with who, role, when, what, outcome, on whose behalf and from
 * where; its own use is audited and shows up in a later call.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class AuditOverviewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OTHER_SERVICES = "entries.findAll { it.service != 'reporting' }";

    @Inject
    EntityManager entityManager;

    @Test
    void everyAccessInEveryServiceIsListedAndTheOverviewsOwnUseJoinsItLater() {
        UUID patient = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        AuditRecorded gateway = record(patient, referral, "2026-11-20T08:00:00Z", "referral-gateway", "referral.read",
                "nurse.bakker", List.of("nurse"), null, "10.0.0.5", AuditOutcome.SUCCESS);
        AuditRecorded intake = record(patient, referral, "2026-11-20T09:00:00Z", "intake", "intake-case.update",
                "nurse.visser", List.of("nurse"), "dr.on.call", "10.0.0.6", AuditOutcome.SUCCESS);
        AuditRecorded consult = record(patient, referral, "2026-11-21T10:00:00Z", "consult", "consult.read",
                "specialist-03999999", List.of("specialist"), null, "10.0.0.7", AuditOutcome.DENIED);
        // published in another order than they happened, one twice
        TestKafka.publish(ReportingFixtures.envelope(consult));
        TestKafka.publish(ReportingFixtures.envelope(gateway));
        TestKafka.publish(ReportingFixtures.envelope(intake));
        TestKafka.publish(ReportingFixtures.envelope(intake));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/reporting/audit?patient={id}", patient)
                .then().statusCode(200).body(OTHER_SERVICES, hasSize(3)));
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/audit?patient={id}", patient)
                .then().statusCode(200)
                .body("patientId", is(patient.toString()))
                .body(OTHER_SERVICES + ".service", contains("referral-gateway", "intake", "consult"))
                .body(OTHER_SERVICES + ".action", contains("referral.read", "intake-case.update", "consult.read"))
                .body(OTHER_SERVICES + ".occurredAt", contains("2026-11-20T08:00:00Z", "2026-11-20T09:00:00Z",
                        "2026-11-21T10:00:00Z"))
                .body(OTHER_SERVICES + ".userSubject", contains("nurse.bakker", "nurse.visser", "specialist-03999999"))
                .body(OTHER_SERVICES + ".userRoles", contains(List.of("nurse"), List.of("nurse"), List.of("specialist")))
                .body(OTHER_SERVICES + ".outcome", contains("SUCCESS", "SUCCESS", "DENIED"))
                .body(OTHER_SERVICES + "[1].onBehalfOf", is("dr.on.call"))
                .body(OTHER_SERVICES + ".clientAddress", contains("10.0.0.5", "10.0.0.6", "10.0.0.7"))
                .body(OTHER_SERVICES + "[2].resource", is("consult/" + referral))
                .body(OTHER_SERVICES + "[2].referralId", is(referral.toString()));

        // each use of the overview is audited here ...
        assertThat(auditRows(patient)).isNotEmpty().allSatisfy(row -> {
            assertThat(row[0]).isEqualTo("patient-access-log.read");
            assertThat(row[1]).isEqualTo("coordinator");
            assertThat(row[2]).isEqualTo("SUCCESS");
        });
        // ... published and read back (no calls meanwhile, so the count settles) ...
        int audited = auditRows(patient).size();
        await().atMost(WAIT).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from patient_access_log"
                        + " where patient_id = ?1 and service = 'reporting'").setParameter(1, patient)
                        .getSingleResult()).intValue())).isEqualTo(audited));
        // ... and shown by a later call
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/audit?patient={id}", patient)
                .then().statusCode(200)
                .body("entries.findAll { it.service == 'reporting' }.size()", is(audited))
                .body("entries.findAll { it.service == 'reporting' }.action", org.hamcrest.Matchers.everyItem(
                        is("patient-access-log.read")))
                .body("entries.findAll { it.service == 'reporting' }[0].userSubject", is("coordinator"))
                .body("entries.findAll { it.service == 'reporting' }[0].userRoles", contains("coordinator"))
                .body("entries.findAll { it.service == 'reporting' }[0].outcome", is("SUCCESS"))
                .body("entries.findAll { it.service == 'reporting' }[0].resource", is("patient-access-log/" + patient));

        // the overview of before answers the same
        given().auth().oauth2(Tokens.coordinator()).get("/api/patients/{id}/access-log", patient)
                .then().statusCode(200).body(OTHER_SERVICES + ".action",
                        contains("referral.read", "intake-case.update", "consult.read"));
    }

    @Test
    void anUnknownPatientHasAnEmptyOverviewAndThatLookUpRecordsNothing() {
        UUID nobody = UUID.randomUUID();
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/audit?patient={id}", nobody)
                .then().statusCode(200).body("patientId", is(nobody.toString())).body("entries", empty());
        assertThat(auditRows(nobody)).isEmpty();
    }

    @Test
    void onlyCoordinatorsAskAndThePatientIdIsChecked() {
        UUID patient = UUID.randomUUID();
        given().auth().oauth2(Tokens.gp(ReportingFixtures.randomGpAgb())).get("/api/reporting/audit?patient={id}", patient)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.nurse()).get("/api/reporting/audit?patient={id}", patient).then().statusCode(403);
        given().get("/api/reporting/audit?patient={id}", patient).then().statusCode(401);
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:invalid-patient"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/reporting/audit?patient=not-a-uuid")
                .then().statusCode(400).body("type", is("urn:consilium:problem:invalid-patient"));
    }

    private static AuditRecorded record(UUID patient, UUID referral, String at, String service, String action,
            String user, List<String> roles, String onBehalfOf, String from, AuditOutcome outcome) {
        String resource = action.substring(0, action.indexOf('.')) + "/" + referral;
        return new AuditRecorded(UUID.randomUUID(), Instant.parse(at), service, action, patient, referral, resource,
                user, roles, onBehalfOf, from, outcome);
    }

    private List<Object[]> auditRows(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, user_subject, outcome from audit_log where patient_id = ?1 order by occurred_at")
                .setParameter(1, patientId).getResultList());
    }
}
