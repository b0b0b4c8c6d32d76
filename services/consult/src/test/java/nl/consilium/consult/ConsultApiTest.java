package nl.consilium.consult;

import static io.restassured.RestAssured.given;
import static nl.consilium.consult.Api.REPORT;
import static nl.consilium.consult.Api.WAIT;
import static nl.consilium.consult.Api.get;
import static nl.consilium.consult.Api.mulder;
import static nl.consilium.consult.Api.post;
import static nl.consilium.consult.Api.saveReport;
import static nl.consilium.consult.Api.smit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultEvents;
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

/** The specialist's API over HTTP, with real PostgreSQL, Kafka, SMTP and signed tokens. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class ConsultApiTest {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Inject
    ConsultEvents events;

    @Inject
    EntityManager entityManager;

    /** A consult with both halves known, booked with Jeroen Smit. */
    private Referral scheduled() {
        return scheduled(false);
    }

    private Referral scheduled(boolean patientObjects) {
        Referral referral = Referral.fresh();
        events.recordIntake(referral.intake(patientObjects));
        events.recordBooking(referral.booking());
        return referral;
    }

    @Test
    void theAssignedSpecialistPreparesHoldsAndCompletesTheConsultAndConsultCompletedIsPublishedOnce() {
        Referral referral = scheduled();
        UUID id = referral.referralId();

        get(smit(), id).statusCode(200)
                .body("status", is("SCHEDULED"))
                .body("clarifiedQuestion", is(ConsultFixtures.QUESTION))
                .body("reasons", contains("TREATMENT_OPTIONS", "SURGERY_DECISION"))
                .body("situation.treatingHospital", is("Ziekenhuis Oost"))
                .body("situation.treatingSpecialist", is("Dr. P. Visser"))
                .body("situation.preferredLanguage", is("nl"))
                .body("situation.patientObjectsToGpReport", is(false))
                .body("patient.name", is(ConsultFixtures.PATIENT_NAME))
                .body("patient.birthDate", is("1970-01-31"))
                .body("appointment.specialistName", is(ConsultFixtures.SMIT_NAME))
                .body("appointment.specialty", is(ConsultFixtures.SPECIALTY))
                .body("dossier", empty())
                .body("videoRoom.joinUrl", startsWith(MailServer.JITSI_BASE_URL + "/"))
                .body("lifecycle.invitedAt", notNullValue())
                .body("report", nullValue());

        post(smit(), id, "dossier-read").statusCode(200)
                .body("status", is("DOSSIER_READ")).body("lifecycle.dossierReadAt", notNullValue());
        post(smit(), id, "start").statusCode(200)
                .body("status", is("IN_PROGRESS")).body("lifecycle.startedAt", notNullValue());

        // a partial draft is fine; the question is the one clarified at intake unless the specialist sharpens it
        saveReport(smit(), id, Map.of("findings", "first thoughts", "conclusion", "DIFFERENT_INSIGHT"))
                .statusCode(200)
                .body("status", is("IN_PROGRESS"))
                .body("report.status", is("DRAFT"))
                .body("report.question", is(ConsultFixtures.QUESTION))
                .body("report.conclusion", is("DIFFERENT_INSIGHT"))
                .body("report.recommendations", nullValue())
                .body("report.finalised", is(false))
                .body("report.signedBy", nullValue());
        // the draft can be rewritten until it is signed
        saveReport(smit(), id, REPORT).statusCode(200)
                .body("report.findings", is(REPORT.get("findings")))
                .body("report.freeText", is(REPORT.get("freeText")))
                .body("report.conclusion", is("CONFIRMS_POLICY"));

        post(smit(), id, "report/finalise").statusCode(200)
                .body("status", is("IN_PROGRESS"))
                .body("report.status", is("FINAL"))
                .body("report.finalised", is(true))
                .body("report.signedBy", is(ConsultFixtures.SMIT_NAME))
                .body("report.signedAt", notNullValue());
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), Duration.ofSeconds(1))).isEmpty();

        post(smit(), id, "complete").statusCode(200)
                .body("status", is("COMPLETED"))
                .body("lifecycle.completedAt", notNullValue())
                .body("videoRoom", nullValue());

        var event = TestKafka.awaitEvent(EventType.CONSULT_COMPLETED, id.toString(), WAIT);
        assertThat(event.source()).isEqualTo("/consilium/consult");
        ConsultCompleted completed = event.dataAs(ConsultCompleted.class);
        assertThat(completed.referralId()).isEqualTo(id);
        assertThat(completed.consultId()).isEqualTo(referral.consultId());
        assertThat(completed.patientId()).isEqualTo(referral.patientId());
        assertThat(completed.specialistAgb()).isEqualTo(ConsultFixtures.SMIT_AGB);
        assertThat(completed.referrerAgb()).isEqualTo(ConsultFixtures.GP_AGB);
        assertThat(completed.patientObjectsToGpReport()).isFalse();
        assertThat(completed.report().question()).isEqualTo(ConsultFixtures.QUESTION);
        assertThat(completed.report().findings()).isEqualTo(REPORT.get("findings"));
        assertThat(completed.report().conclusion()).isEqualTo(Conclusion.CONFIRMS_POLICY);
        assertThat(completed.report().recommendations()).isEqualTo(REPORT.get("recommendations"));
        assertThat(completed.report().freeText()).isEqualTo(REPORT.get("freeText"));
        assertThat(completed.report().signedBy()).isEqualTo(ConsultFixtures.SMIT_NAME);
        assertThat(completed.report().signedByName()).isEqualTo(ConsultFixtures.SMIT_NAME);
        assertThat(completed.report().signedAt()).isBeforeOrEqualTo(completed.completedAt());

        var record = TestKafka.awaitRecords(Topics.CONSULT, r -> r.key().equals(id.toString()), 1, WAIT).get(0);
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.id().toString());

        // completed is final: no second completion, no new signature, no new draft, nothing published again
        post(smit(), id, "complete").statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:illegal-consult-transition"))
                .body("currentState", is("COMPLETED"));
        post(smit(), id, "report/finalise").statusCode(409)
                .body("type", is("urn:consilium:problem:report-final")).body("currentState", is("COMPLETED"));
        saveReport(smit(), id, REPORT).statusCode(409).body("type", is("urn:consilium:problem:report-final"));
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), SETTLE)).hasSize(1);
        assertThat(TestKafka.allRecords(Topics.CONSULT, Duration.ofMillis(500)))
                .filteredOn(r -> r.key().equals(id.toString())).hasSize(1);
    }

    @Test
    void illegalTransitionsAnswer409WithTheCurrentStateAndChangeNothing() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        post(smit(), id, "start").statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:illegal-consult-transition"))
                .body("status", is(409))
                .body("currentState", is("SCHEDULED"))
                .body("detail", startsWith("Cannot start the consult"));
        post(smit(), id, "complete").statusCode(409).body("currentState", is("SCHEDULED"));
        post(smit(), id, "dossier-read").statusCode(200);
        post(smit(), id, "dossier-read").statusCode(409)
                .body("type", is("urn:consilium:problem:illegal-consult-transition"))
                .body("currentState", is("DOSSIER_READ"));
        post(smit(), id, "start").statusCode(200);
        // no final report yet
        post(smit(), id, "complete").statusCode(409)
                .body("type", is("urn:consilium:problem:no-final-report")).body("currentState", is("IN_PROGRESS"));
        get(smit(), id).statusCode(200).body("status", is("IN_PROGRESS")).body("lifecycle.completedAt", nullValue());
        // the refusals are audited as failed attempts
        assertThat(auditRows(referral.patientId())).filteredOn(r -> "FAILED".equals(r[3])).hasSize(4);
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void signingNeedsACompleteDraftOfAStartedConsult() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        post(smit(), id, "report/finalise").statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:no-draft-report"));
        // the specialist may prepare a draft before the consult, but signs only once it has started
        saveReport(smit(), id, REPORT).statusCode(200).body("status", is("SCHEDULED"));
        post(smit(), id, "report/finalise").statusCode(409)
                .body("type", is("urn:consilium:problem:illegal-consult-transition"))
                .body("currentState", is("SCHEDULED"));
        post(smit(), id, "dossier-read").statusCode(200);
        post(smit(), id, "start").statusCode(200);
        saveReport(smit(), id, Map.of("conclusion", "CONFIRMS_POLICY")).statusCode(200);
        post(smit(), id, "report/finalise").statusCode(409)
                .body("type", is("urn:consilium:problem:report-incomplete"))
                .body("detail", is("A signed report needs findings, recommendations"));
        get(smit(), id).statusCode(200).body("report.status", is("DRAFT"));

        Referral bookedOnly = Referral.fresh();
        events.recordBooking(bookedOnly.booking());
        get(Tokens.coordinator(), bookedOnly.referralId()).statusCode(200)
                .body("status", is("AWAITING_INTAKE")).body("report", nullValue()).body("videoRoom", nullValue());
        // not visible to the specialist before intake's part arrived
        saveReport(smit(), bookedOnly.referralId(), REPORT).statusCode(404);
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), SETTLE)).isEmpty();
    }

    @Test
    void thePatientsLatestObjectionTravelsWithTheReport() {
        Referral referral = scheduled(false);
        UUID id = referral.referralId();
        TestKafka.publish(ConsultFixtures.envelope(referral.objection(true, Instant.parse("2026-11-24T12:00:00Z")),
                "intake"));
        // an older change that arrives later does not win
        TestKafka.publish(ConsultFixtures.envelope(referral.objection(false, Instant.parse("2026-11-24T11:00:00Z")),
                "intake"));
        Referral marker = Referral.fresh();
        TestKafka.send(Topics.INTAKE, id.toString(), EventCodec.encode(ConsultFixtures.envelope(marker.intake(),
                "intake")));
        Api.awaitStatus(marker.referralId(), "AWAITING_BOOKING");
        get(smit(), id).statusCode(200).body("situation.patientObjectsToGpReport", is(true))
                .body("situation.objectionRecordedAt", is("2026-11-24T12:00:00Z"));

        Api.throughToSignedReport(smit(), id);
        post(smit(), id, "complete").statusCode(200);
        var event = TestKafka.awaitEvent(EventType.CONSULT_COMPLETED, id.toString(), WAIT);
        assertThat(event.dataAs(ConsultCompleted.class).patientObjectsToGpReport()).isTrue();
    }

    @Test
    void anotherSpecialistsConsultIsNotFoundAndStaysUntouched() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        get(mulder(), id).statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        saveReport(mulder(), id, REPORT).statusCode(404);
        post(mulder(), id, "report/finalise").statusCode(404);
        post(mulder(), id, "dossier-read").statusCode(404);
        post(mulder(), id, "start").statusCode(404);
        post(mulder(), id, "room").statusCode(404);
        given().auth().oauth2(mulder()).get("/api/consults")
                .then().statusCode(200).body("referralId", not(hasItem(id.toString())));
        // a specialist token without an AGB code sees nothing
        String noAgb = Tokens.withRoles("specialist-without-agb", Map.of(), Tokens.SPECIALIST);
        given().auth().oauth2(noAgb).get("/api/consults/{id}", id).then().statusCode(404);
        given().auth().oauth2(noAgb).get("/api/consults").then().statusCode(200).body("size()", is(0));

        get(smit(), id).statusCode(200).body("status", is("SCHEDULED")).body("report", nullValue());

        List<Object[]> rows = auditRows(referral.patientId());
        assertThat(rows).filteredOn(r -> "DENIED".equals(r[3])).extracting(r -> r[0] + " " + r[1])
                .containsExactly("consult.read specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.update specialist-" + ConsultFixtures.MULDER_AGB,
                        "consult.read specialist-without-agb");
        assertThat(rows).filteredOn(r -> "SUCCESS".equals(r[3])).extracting(r -> r[1])
                .containsOnly("specialist-" + ConsultFixtures.SMIT_AGB);
    }

    @Test
    void theSpecialistListsOwnConsultsByDayWeekOrPeriod() {
        // Friday 27 November 2026, 23:30 in Amsterdam is still Friday there (22:30 UTC)
        Referral friday = Referral.fresh();
        events.recordIntake(friday.intake());
        events.recordBooking(friday.booking(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME,
                Instant.parse("2026-11-27T22:30:00Z"), Instant.parse("2026-11-27T23:00:00Z")));
        // Monday 30 November 2026, 00:30 in Amsterdam: the next ISO week (23:30 UTC on Sunday)
        Referral monday = Referral.fresh();
        events.recordIntake(monday.intake());
        events.recordBooking(monday.booking(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME,
                Instant.parse("2026-11-29T23:30:00Z"), Instant.parse("2026-11-30T00:00:00Z")));
        Referral notReady = Referral.fresh();
        events.recordBooking(notReady.booking());
        Referral mulders = Referral.fresh();
        events.recordIntake(mulders.intake());
        events.recordBooking(mulders.booking(ConsultFixtures.MULDER_AGB, ConsultFixtures.MULDER_NAME));
        String f = friday.referralId().toString();
        String m = monday.referralId().toString();

        given().auth().oauth2(smit()).get("/api/consults?day=2026-11-27").then().statusCode(200)
                .body("referralId", hasItem(f)).body("referralId", not(hasItem(m)))
                .body("find { it.referralId == '" + f + "' }.patientName", is(ConsultFixtures.PATIENT_NAME))
                .body("find { it.referralId == '" + f + "' }.status", is("SCHEDULED"));
        given().auth().oauth2(smit()).get("/api/consults?week=2026-W48").then().statusCode(200)
                .body("referralId", hasItem(f)).body("referralId", not(hasItem(m)));
        given().auth().oauth2(smit()).get("/api/consults?week=2026-W49").then().statusCode(200)
                .body("referralId", hasItem(m)).body("referralId", not(hasItem(f)));
        given().auth().oauth2(smit()).get("/api/consults?from=2026-11-27&to=2026-11-30").then().statusCode(200)
                .body("referralId", hasItem(f)).body("referralId", hasItem(m));
        given().auth().oauth2(smit()).get("/api/consults").then().statusCode(200)
                .body("referralId", hasItem(f)).body("referralId", hasItem(m))
                .body("referralId", not(hasItem(notReady.referralId().toString())))
                .body("referralId", not(hasItem(mulders.referralId().toString())));
        given().auth().oauth2(mulder()).get("/api/consults").then().statusCode(200)
                .body("referralId", hasItem(mulders.referralId().toString()))
                .body("referralId", not(hasItem(f)));

        given().auth().oauth2(smit()).get("/api/consults?day=27-11-2026").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed")).body("errors.field", contains("day"));
        given().auth().oauth2(smit()).get("/api/consults?week=2026-48").then().statusCode(400)
                .body("errors.field", contains("week"));
        given().auth().oauth2(smit()).get("/api/consults?day=2026-11-27&week=2026-W48").then().statusCode(400);
        given().auth().oauth2(smit()).get("/api/consults?from=2026-11-30&to=2026-11-27").then().statusCode(400)
                .body("errors.field", contains("to"));

        assertThat(auditRows(friday.patientId())).extracting(r -> r[0]).containsOnly("consult.search");
    }

    @Test
    void onlyTheRightRolesGetInAndOnlyValidTokens() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        String nurse = Tokens.nurse();
        get(nurse, id).statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(nurse).get("/api/consults").then().statusCode(403);
        saveReport(nurse, id, REPORT).statusCode(403);
        for (String step : List.of("report/finalise", "dossier-read", "start", "complete", "no-show", "room")) {
            post(nurse, id, step).statusCode(403);
            post(Tokens.coordinator(), id, step).statusCode(403);
            post(Tokens.gp(ConsultFixtures.GP_AGB), id, step).statusCode(403);
        }
        Api.addendum(nurse, id, "x").statusCode(403);
        get(Tokens.gp(ConsultFixtures.GP_AGB), id).statusCode(403);
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults").then().statusCode(403);
        saveReport(Tokens.coordinator(), id, REPORT).statusCode(403);

        given().get("/api/consults/{id}", id).then().statusCode(401)
                .body("type", is("urn:consilium:problem:unauthorized"));
        given().contentType(ContentType.JSON).body(REPORT).put("/api/consults/{id}/report", id).then().statusCode(401);
        given().post("/api/consults/{id}/report/finalise", id).then().statusCode(401);
        given().post("/api/consults/{id}/start", id).then().statusCode(401);
        given().auth().oauth2(Tokens.signedByAnotherKey("specialist-" + ConsultFixtures.SMIT_AGB, "specialist"))
                .get("/api/consults").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("specialist-" + ConsultFixtures.SMIT_AGB, "specialist"))
                .get("/api/consults").then().statusCode(401);

        // the coordinator reads, without the specialist's join link
        get(Tokens.coordinator(), id).statusCode(200).body("status", is("SCHEDULED"))
                .body("videoRoom.issuedAt", notNullValue()).body("videoRoom.joinUrl", nullValue());
        get(smit(), id).statusCode(200).body("status", is("SCHEDULED")).body("report", nullValue());
        assertThat(auditRows(referral.patientId())).extracting(r -> r[0] + " " + r[1])
                .containsExactly("consult.read coordinator", "consult.read specialist-" + ConsultFixtures.SMIT_AGB);
    }

    @Test
    void anInvalidReportIsRejectedWithTheFieldsToFixAndChangesNothing() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("findings", "x".repeat(8001));
        invalid.put("recommendations", "x".repeat(4001));
        saveReport(smit(), id, invalid).statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", contains("findings", "recommendations"));
        Map<String, Object> unknownConclusion = new HashMap<>(REPORT);
        unknownConclusion.put("conclusion", "MAYBE");
        saveReport(smit(), id, unknownConclusion).statusCode(400).body("type", startsWith("urn:consilium:problem:"));
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body("{\"findings\": \"unfinished")
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).body("type", is("urn:consilium:problem:malformed-request"));
        given().auth().oauth2(smit()).contentType(ContentType.JSON)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(400).body("type", startsWith("urn:consilium:problem:"));
        Api.addendum(smit(), id, "  ").statusCode(400).body("errors.field", contains("text"));

        assertThat(auditRows(referral.patientId())).isEmpty();
        get(smit(), id).statusCode(200).body("status", is("SCHEDULED")).body("report", nullValue());
        given().auth().oauth2(smit()).get("/api/consults/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(smit()).get("/api/consults/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyReadAndChangeIsAuditedAndPublished() {
        Referral referral = scheduled();
        UUID id = referral.referralId();
        get(smit(), id).statusCode(200);
        post(smit(), id, "dossier-read").statusCode(200);
        saveReport(smit(), id, REPORT).statusCode(200);

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
                .body("paths.'/api/consults/{referralId}/report/finalise'", notNullValue())
                .body("paths.'/api/consults/{referralId}/dossier-read'", notNullValue())
                .body("paths.'/api/consults/{referralId}/no-show'", notNullValue());
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
