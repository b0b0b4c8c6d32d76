package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.IntakeFlow.INTAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The telephone intake: call attempts, the intake record saved in parts, the patient's objection with
 * its history, and optimistic locking of the case (two saves at once: the second gets 409).
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class IntakeRecordTest {

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    private UUID claimedCase(String nurseToken) {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        IntakeFlow.claim(nurseToken, referral.referralId()).statusCode(200);
        return referral.referralId();
    }

    @Test
    void callAttemptsAreRecordedWithTimeNurseAndOutcome() {
        String nurse = Tokens.nurse("nurse.bakker");
        UUID id = claimedCase(nurse);
        Instant callBack = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        IntakeFlow.call(nurse, id, "NOT_REACHED").statusCode(201)
                .body("attemptId", notNullValue())
                .body("attemptedAt", notNullValue())
                .body("attemptedBy", is("nurse.bakker"))
                .body("outcome", is("NOT_REACHED"))
                .body("callBackAt", nullValue());
        given().auth().oauth2(nurse).contentType(ContentType.JSON)
                .body(Map.of("outcome", "CALL_BACK", "callBackAt", callBack.toString()))
                .post(IntakeFlow.CALLS, id).then().statusCode(201).body("callBackAt", is(callBack.toString()));
        IntakeFlow.call(nurse, id, "REACHED").statusCode(201);

        IntakeFlow.get(nurse, id).statusCode(200)
                .body("callAttempts.outcome", is(List.of("NOT_REACHED", "CALL_BACK", "REACHED")))
                .body("callAttempts[1].callBackAt", is(callBack.toString()))
                .body("callAttempts.attemptedBy", is(List.of("nurse.bakker", "nurse.bakker", "nurse.bakker")))
                // calls live beside the case: the case's version stays
                .body("version", is(0));
    }

    @Test
    void aCallBackNeedsAFutureTimeAndOnlyACallBackHasOne() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse);
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("outcome", "CALL_BACK"))
                .post(IntakeFlow.CALLS, id).then().statusCode(400)
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("callBackAtWithCallBack"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REACHED", "callBackAt", Instant.now().plusSeconds(3600).toString()))
                .post(IntakeFlow.CALLS, id).then().statusCode(400).body("errors.field", hasItem("callBackAtWithCallBack"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON)
                .body(Map.of("outcome", "CALL_BACK", "callBackAt", Instant.now().minusSeconds(60).toString()))
                .post(IntakeFlow.CALLS, id).then().statusCode(400).body("errors.field", hasItem("callBackAt"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of())
                .post(IntakeFlow.CALLS, id).then().statusCode(400).body("errors.field", hasItem("outcome"));
        IntakeFlow.get(nurse, id).statusCode(200).body("callAttempts.size()", is(0));
    }

    @Test
    void theRecordIsSavedInPartsAndAFieldLeftOutStays() {
        String nurse = Tokens.nurse("nurse.bakker");
        UUID id = claimedCase(nurse);
        IntakeFlow.save(nurse, id, Map.of("clarifiedQuestion", IntakeFlow.QUESTION)).statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", is(1))
                .body("intake.clarifiedQuestion", is(IntakeFlow.QUESTION))
                .body("intake.savedBy", is("nurse.bakker"))
                .body("intake.savedAt", notNullValue());
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("reasons", List.of("DIAGNOSIS_DOUBT", "DIAGNOSIS_DOUBT", "UNEXPLAINED_COMPLAINTS"));
        more.put("treatingSpecialist", "Dr. A. de Boer");
        more.put("treatingSpecialistAgb", "03012345");
        more.put("treatingHospital", "Ziekenhuis West");
        more.put("treatingSpecialty", "orthopaedics");
        more.put("focusArea", "knee");
        more.put("preferredLanguage", "en");
        more.put("availability", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "11:30")));
        IntakeFlow.save(nurse, id, more).statusCode(200)
                .body("version", is(2))
                .body("intake.clarifiedQuestion", is(IntakeFlow.QUESTION))
                .body("intake.reasons", is(List.of("DIAGNOSIS_DOUBT", "UNEXPLAINED_COMPLAINTS")))
                .body("intake.treatingSpecialist", is("Dr. A. de Boer"))
                .body("intake.treatingSpecialistAgb", is("03012345"))
                .body("intake.treatingHospital", is("Ziekenhuis West"))
                .body("intake.treatingSpecialty", is("orthopaedics"))
                .body("intake.focusArea", is("knee"))
                .body("intake.preferredLanguage", is("en"))
                .body("intake.availability[0].day", is("MONDAY"))
                .body("intake.availability[0].from", is("09:00"))
                .body("intake.availability[0].to", is("11:30"))
                // the referral's own values stay as they came
                .body("referral.treatingSpecialty", is("cardiology"))
                .body("referral.treatingHospital", is(ReferralFixtures.TREATING_HOSPITAL));

        // an empty text or list clears; the rest stays
        IntakeFlow.save(nurse, id, Map.of("focusArea", "", "availability", List.of())).statusCode(200)
                .body("intake.focusArea", nullValue())
                .body("intake.availability.size()", is(0))
                .body("intake.preferredLanguage", is("en"));
        IntakeFlow.get(nurse, id).statusCode(200).body("intake.treatingSpecialty", is("orthopaedics"))
                .body("decisionReadiness.missing", is(List.of("availability", "patientObjectsToGpReport",
                        "reachedCall")));
    }

    @Test
    void invalidValuesAreRefusedWithTheirFieldsAndChangeNothing() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("reasons", List.of("DOUBT_ABOUT_TREATMENT"));            // a v1 value: read, never taken
        bad.put("treatingSpecialistAgb", "0301234");                      // 7 digits
        bad.put("preferredLanguage", "xx");                               // no ISO 639-1 code
        bad.put("treatingSpecialty", "Cardiology!");
        bad.put("availability", List.of(Map.of("day", "MONDAY", "from", "12:00", "to", "09:00")));
        IntakeFlow.save(nurse, id, bad).statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItems("reasonsCurrent", "treatingSpecialistAgbValid", "preferredLanguageIso6391",
                        "treatingSpecialty", "availability[0].fromBeforeTo"));
        IntakeFlow.save(nurse, id, Map.of("preferredLanguage", "dutch")).statusCode(400)
                .body("errors.field", hasItem("preferredLanguageIso6391"));
        IntakeFlow.save(nurse, id, Map.of("availability", List.of(Map.of("day", "MONDAY", "from", "09:00"))))
                .statusCode(400).body("errors.field", hasItem("availability[0].to"));
        IntakeFlow.get(nurse, id).statusCode(200).body("version", is(0))
                .body("intake.reasons.size()", is(0)).body("intake.preferredLanguage", nullValue());
    }

    @Test
    void theObjectionIsRecordedWithWhoAndWhenAndEveryChangeIsKept() {
        String bakker = Tokens.nurse("nurse.bakker");
        UUID id = claimedCase(bakker);
        IntakeFlow.save(bakker, id, Map.of("patientObjectsToGpReport", false)).statusCode(200)
                .body("objection.patientObjectsToGpReport", is(false))
                .body("objection.recordedBy", is("nurse.bakker"))
                .body("objection.recordedAt", notNullValue());
        // the same answer again is no change
        IntakeFlow.save(bakker, id, Map.of("patientObjectsToGpReport", false)).statusCode(200);
        IntakeFlow.save(bakker, id, Map.of("patientObjectsToGpReport", true)).statusCode(200)
                .body("objection.patientObjectsToGpReport", is(true))
                .body("objection.history.patientObjectsToGpReport", is(List.of(false, true)))
                .body("objection.history.changedBy", is(List.of("nurse.bakker", "nurse.bakker")))
                .body("objection.history.afterDecision", is(List.of(false, false)));
        assertThat(IntakeFlow.count(entityManager, "select count(*) from objection_change where referral_id = ?1", id))
                .isEqualTo(2);
        // before the decision nobody else knows the case yet: nothing is published
        assertThat(objectionEvents(id)).isZero();
    }

    private long objectionEvents(UUID referralId) {
        return IntakeFlow.count(entityManager, "select count(*) from outbox_message where message_key = ?1"
                + " and event_type = ?2", referralId.toString(), EventType.PATIENT_OBJECTION_CHANGED.wireName());
    }

    @Test
    void afterTheDecisionOnlyTheObjectionChangesAndTheChangeIsMarkedSo() {
        String bakker = Tokens.nurse("nurse.bakker");
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        UUID id = referral.referralId();
        IntakeFlow.decideSuitable(bakker, id);

        IntakeFlow.save(bakker, id, Map.of("focusArea", "valves")).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-already-decided"));
        IntakeFlow.call(bakker, id, "REACHED").statusCode(409)
                .body("type", is("urn:consilium:problem:intake-already-decided"));

        // another nurse takes over the (released) case and records the patient's later objection
        given().auth().oauth2(bakker).delete(IntakeFlow.CLAIM, id).then().statusCode(204);
        String visser = Tokens.nurse("nurse.visser");
        IntakeFlow.claim(visser, id).statusCode(200);
        IntakeFlow.save(visser, id, Map.of("patientObjectsToGpReport", true)).statusCode(200)
                .body("status", is("SUITABLE"))
                .body("objection.patientObjectsToGpReport", is(true))
                .body("objection.recordedBy", is("nurse.visser"))
                .body("objection.history.patientObjectsToGpReport", is(List.of(false, true)))
                .body("objection.history.afterDecision", is(List.of(false, true)))
                .body("intake.focusArea", nullValue());

        // IntakeCompleted carried "no objection": consult and reporting learn of the change
        var event = TestKafka.awaitEvent(Topics.INTAKE, EventType.PATIENT_OBJECTION_CHANGED.wireName(), id.toString(),
                Duration.ofSeconds(30));
        PatientObjectionChanged changed = event.dataAs(PatientObjectionChanged.class);
        assertThat(changed.objects()).isTrue();
        assertThat(changed.recordedBy()).isEqualTo("nurse.visser");
        assertThat(changed.patientId()).isEqualTo(referral.patientId());
        // the same answer again changes nothing and publishes nothing
        IntakeFlow.save(visser, id, Map.of("patientObjectsToGpReport", true)).statusCode(200)
                .body("objection.history.size()", is(2));
        assertThat(objectionEvents(id)).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsAConflict() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse);
        IntakeFlow.save(nurse, id, Map.of("focusArea", "valves", "version", 0)).statusCode(200).body("version", is(1));
        // a client still at version 0
        IntakeFlow.save(nurse, id, Map.of("focusArea", "rhythm", "version", 0)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:concurrent-modification"));
        given().auth().oauth2(nurse).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("focusArea", "rhythm")).put(INTAKE, id).then().statusCode(409)
                .body("type", is("urn:consilium:problem:concurrent-modification"));
        IntakeFlow.decide(nurse, id, Map.of("suitable", false, "rejectionReason", "PATIENT_WITHDREW", "version", 0))
                .statusCode(409).body("type", is("urn:consilium:problem:concurrent-modification"));
        // with the current version it goes through
        given().auth().oauth2(nurse).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("focusArea", "rhythm")).put(INTAKE, id).then().statusCode(200).body("version", is(2));
        IntakeFlow.get(nurse, id).statusCode(200).body("intake.focusArea", is("rhythm")).body("status", is("OPEN"));
    }

    @Test
    void twoSavesOfTheSameVersionAtOnceGiveOne200AndOne409NotALostUpdate() throws Exception {
        String nurse = Tokens.nurse("nurse.twotabs");
        UUID id = claimedCase(nurse);
        for (int round = 0; round < 3; round++) {
            int version = IntakeFlow.get(nurse, id).extract().path("version");
            var pool = Executors.newFixedThreadPool(2);
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ExtractableResponse<Response>>> saves = new ArrayList<>();
                for (String question : List.of("Question from tab A " + round, "Question from tab B " + round)) {
                    saves.add(pool.submit(() -> {
                        start.await();
                        return IntakeFlow.save(nurse, id, Map.of("clarifiedQuestion", question, "version", version))
                                .extract();
                    }));
                }
                start.countDown();
                for (Future<ExtractableResponse<Response>> save : saves) {
                    answers.add(save.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(200, 409);
            ExtractableResponse<Response> won = answers.stream().filter(a -> a.statusCode() == 200).findFirst()
                    .orElseThrow();
            ExtractableResponse<Response> lost = answers.stream().filter(a -> a.statusCode() == 409).findFirst()
                    .orElseThrow();
            assertThat(lost.<String>path("type")).isEqualTo("urn:consilium:problem:concurrent-modification");
            String saved = won.path("intake.clarifiedQuestion");
            IntakeFlow.get(nurse, id).statusCode(200)
                    .body("intake.clarifiedQuestion", is(saved))
                    .body("version", is(version + 1));
        }
    }
}
