package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The decision: only with the required fields (422 lists the missing ones), once; suitable publishes
 * IntakeCompleted with everything scheduling needs, not suitable publishes IntakeRejected.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class DecisionTest {

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
    void aSuitableDecisionWithoutTheRequiredFieldsIsRefusedWithTheMissingOnesByName() {
        String nurse = Tokens.nurse();
        UUID id = openCase().referralId();
        IntakeFlow.claim(nurse, id).statusCode(200);
        IntakeFlow.save(nurse, id, Map.of("preferredLanguage", "nl", "treatingHospital", "")).statusCode(200);

        IntakeFlow.decide(nurse, id, Map.of("suitable", true)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-decision-incomplete"))
                .body("status", is(422))
                .body("missing", is(List.of("clarifiedQuestion", "reasons", "treatingHospital", "availability",
                        "patientObjectsToGpReport", "reachedCall")));
        given().auth().oauth2(nurse).get(IntakeFlow.READINESS, id).then().statusCode(200)
                .body("status", is("OPEN"))
                .body("ready", is(false))
                .body("missing", is(List.of("clarifiedQuestion", "reasons", "treatingHospital", "availability",
                        "patientObjectsToGpReport", "reachedCall")));

        IntakeFlow.call(nurse, id, "NOT_REACHED").statusCode(201);
        Map<String, Object> record = IntakeFlow.completeRecord();
        record.put("treatingHospital", ReferralFixtures.TREATING_HOSPITAL);
        IntakeFlow.save(nurse, id, record).statusCode(200);
        // a call that did not reach the patient is no telephone intake
        IntakeFlow.decide(nurse, id, Map.of("suitable", true)).statusCode(422)
                .body("missing", is(List.of("reachedCall")));
        IntakeFlow.call(nurse, id, "REACHED").statusCode(201);
        given().auth().oauth2(Tokens.coordinator()).get(IntakeFlow.READINESS, id).then().statusCode(200)
                .body("ready", is(true)).body("missing.size()", is(0));

        assertThat(TestKafka.events(EventType.INTAKE_COMPLETED, id.toString(), Duration.ofSeconds(1))).isEmpty();
        IntakeFlow.get(nurse, id).statusCode(200).body("status", is("OPEN")).body("decision", nullValue());
    }

    @Test
    void aSuitableDecisionPublishesIntakeCompletedWithEverythingSchedulingNeeds() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        String nurse = Tokens.nurse("nurse.bakker");
        IntakeFlow.claim(nurse, id).statusCode(200);
        IntakeFlow.call(nurse, id, "REACHED").statusCode(201);
        Map<String, Object> record = IntakeFlow.completeRecord();
        record.put("treatingSpecialist", "Dr. A. de Boer");
        record.put("treatingSpecialistAgb", "03012345");
        record.put("focusArea", "coronary artery disease");
        record.put("firstSpecialistCopyConfirmed", true);
        IntakeFlow.save(nurse, id, record).statusCode(200).body("intake.firstSpecialistCopyConfirmed", is(true));

        String consultDueOn = IntakeFlow.get(nurse, id).extract().path("consultDueOn");
        IntakeFlow.decide(nurse, id, Map.of("suitable", true, "version", 1)).statusCode(200)
                .body("status", is("SUITABLE"))
                .body("version", is(2))
                .body("decision.suitable", is(true))
                .body("decision.decidedBy", is("nurse.bakker"))
                .body("decision.decidedAt", notNullValue())
                .body("decision.rejectionReason", nullValue())
                .body("decisionReadiness", nullValue());

        var event = TestKafka.awaitEvent(Topics.INTAKE, EventType.INTAKE_COMPLETED.wireName(), id.toString(), WAIT);
        IntakeCompleted completed = event.dataAs(IntakeCompleted.class);
        assertThat(completed.referralId()).isEqualTo(id);
        assertThat(completed.patientId()).isEqualTo(referral.patientId());
        assertThat(completed.completedBy()).isEqualTo("nurse.bakker");
        assertThat(completed.clarifiedQuestion()).isEqualTo(IntakeFlow.QUESTION);
        assertThat(completed.reasons()).containsExactly(IntakeReason.SURGERY_DECISION, IntakeReason.TREATMENT_OPTIONS);
        assertThat(completed.specialty()).isEqualTo("cardiology");
        assertThat(completed.treatingHospital()).isEqualTo(ReferralFixtures.TREATING_HOSPITAL);
        assertThat(completed.treatingSpecialist()).isEqualTo("Dr. A. de Boer");
        assertThat(completed.treatingSpecialistAgb()).isEqualTo("03012345");
        assertThat(completed.focusArea()).isEqualTo("coronary artery disease");
        assertThat(completed.firstSpecialistCopyConfirmed()).isTrue();
        assertThat(completed.preferredLanguage()).isEqualTo("nl");
        assertThat(completed.patientAvailability()).containsExactly(
                new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new AvailabilityWindow(DayOfWeek.THURSDAY, LocalTime.of(13, 30), LocalTime.of(17, 0)));
        assertThat(completed.patientObjectsToGpReport()).isFalse();
        assertThat(completed.consultDueOn()).isEqualTo(LocalDate.parse(consultDueOn));
        assertThat(completed.intakeDueAt()).isEqualTo(referral.receivedAt().plus(Duration.ofHours(24)));
        assertThat(completed.referrerAgb()).isEqualTo(ReferralFixtures.GP_AGB);
        assertThat(completed.patient().name()).isEqualTo("P. Testpatiënt");
        assertThat(event.source()).isEqualTo("/consilium/intake");

        var record0 = TestKafka.awaitRecords(Topics.INTAKE, r -> r.key().equals(id.toString()), 1, WAIT).get(0);
        assertThat(new String(record0.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.id().toString());
    }

    @Test
    void anUnsuitableDecisionPublishesIntakeRejectedWithReasonAndText() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        String nurse = Tokens.nurse("nurse.bakker");
        IntakeFlow.claim(nurse, id).statusCode(200);
        IntakeFlow.call(nurse, id, "NOT_REACHED").statusCode(201);

        IntakeFlow.decide(nurse, id, Map.of("suitable", false)).statusCode(422)
                .body("missing", is(List.of("rejectionReason")));
        IntakeFlow.decide(nurse, id, Map.of("suitable", false, "rejectionReason", "OTHER")).statusCode(422)
                .body("missing", is(List.of("explanation")));
        IntakeFlow.decide(nurse, id, Map.of("suitable", false, "rejectionReason", "NOT_A_REASON")).statusCode(400);

        IntakeFlow.decide(nurse, id, Map.of("suitable", false, "rejectionReason", "PATIENT_UNREACHABLE",
                        "explanation", "Drie keer gebeld, geen gehoor")).statusCode(200)
                .body("status", is("UNSUITABLE"))
                .body("decision.suitable", is(false))
                .body("decision.rejectionReason", is("PATIENT_UNREACHABLE"))
                .body("decision.explanation", is("Drie keer gebeld, geen gehoor"));

        var event = TestKafka.awaitEvent(Topics.INTAKE, EventType.INTAKE_REJECTED.wireName(), id.toString(), WAIT);
        IntakeRejected rejected = event.dataAs(IntakeRejected.class);
        assertThat(rejected.reason()).isEqualTo(RejectionReason.PATIENT_UNREACHABLE);
        assertThat(rejected.explanation()).isEqualTo("Drie keer gebeld, geen gehoor");
        assertThat(rejected.rejectedBy()).isEqualTo("nurse.bakker");
        assertThat(rejected.referrerAgb()).isEqualTo(ReferralFixtures.GP_AGB);
        assertThat(rejected.patientId()).isEqualTo(referral.patientId());
        assertThat(TestKafka.events(EventType.INTAKE_COMPLETED, id.toString(), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void rejectionFieldsDoNotGoWithASuitableDecision() {
        String nurse = Tokens.nurse();
        UUID id = openCase().referralId();
        IntakeFlow.claim(nurse, id).statusCode(200);
        IntakeFlow.decide(nurse, id, Map.of("suitable", true, "rejectionReason", "OTHER")).statusCode(400)
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("rejectionOnlyWhenUnsuitable"));
        IntakeFlow.decide(nurse, id, Map.of()).statusCode(400).body("errors.field", hasItem("suitable"));
    }

    @Test
    void aCaseIsDecidedOnlyOnce() {
        String nurse = Tokens.nurse();
        UUID id = openCase().referralId();
        IntakeFlow.decideSuitable(nurse, id);
        IntakeFlow.decide(nurse, id, Map.of("suitable", false, "rejectionReason", "PATIENT_WITHDREW")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-already-decided"));
        IntakeFlow.decide(nurse, id, Map.of("suitable", true)).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-already-decided"));
        given().auth().oauth2(nurse).get(IntakeFlow.READINESS, id).then().statusCode(200)
                .body("status", is("SUITABLE")).body("ready", is(false));
        assertThat(TestKafka.events(EventType.INTAKE_COMPLETED, id.toString(), Duration.ofSeconds(2))).hasSize(1);
        assertThat(TestKafka.events(EventType.INTAKE_REJECTED, id.toString(), Duration.ZERO)).isEmpty();
    }

    @Test
    void aDecisionSentTwiceAtOnceIsTakenOnce() throws Exception {
        String nurse = Tokens.nurse("nurse.doubleclick");
        UUID id = openCase().referralId();
        IntakeFlow.prepareForDecision(nurse, id);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var first = pool.submit(() -> {
                start.await();
                return IntakeFlow.decide(nurse, id, Map.of("suitable", true)).extract().statusCode();
            });
            var second = pool.submit(() -> {
                start.await();
                return IntakeFlow.decide(nurse, id, Map.of("suitable", true)).extract().statusCode();
            });
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(IntakeFlow.count(entityManager, "select count(*) from outbox_message where message_key = ?1"
                + " and event_type = ?2", id.toString(), EventType.INTAKE_COMPLETED.wireName())).isEqualTo(1);
    }

    @Test
    void reasonsOfBeforeIssue4AreReadAsTheirCurrentOnes() {
        ReferralReceived referral = openCase();
        UUID id = referral.referralId();
        IntakeFlow.update(entityManager, "update intake_case set reasons = 'DOUBT_ABOUT_TREATMENT,OTHER,"
                + "WANTS_CONFIRMATION,INSUFFICIENT_EXPLANATION' where referral_id = ?1", id);
        IntakeFlow.get(Tokens.nurse(), id).statusCode(200).body("intake.reasons",
                is(List.of("TREATMENT_OPTIONS", "UNEXPLAINED_COMPLAINTS", "POLICY_EXPLANATION")));
    }
}
