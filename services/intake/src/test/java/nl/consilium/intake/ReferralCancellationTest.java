package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * ReferralCancelled from Kafka ends the intake case as CANCELLED with its reason, once, however often
 * it is delivered; a cancelled case leaves the worklist and cannot be decided; the cancellation of a
 * referral intake has no case for is ignored.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralCancellationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant CANCELLED_AT = Instant.parse("2026-11-23T09:15:30Z");

    @Inject
    EntityManager entityManager;

    /** A case opened the way the gateway's event opens it. */
    private ReferralReceived openedCase() {
        ReferralReceived referral = ReferralFixtures.referral();
        TestKafka.publish(ReferralFixtures.envelope(referral));
        awaitStatus(referral.referralId(), "OPEN");
        return referral;
    }

    private static void awaitStatus(UUID referralId, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.nurse())
                .get("/api/intake/cases/{id}", referralId).then().statusCode(200).body("status", is(status)));
    }

    @Test
    void aCancellationClosesTheOpenCaseWithItsReasonAndTakesItOffTheWorklist() {
        ReferralReceived referral = openedCase();
        String id = referral.referralId().toString();
        // a nurse of its own claimed it, so that "assignedTo=me" finds it among the other tests' cases
        String nurse = Tokens.nurse("nurse.cancel-" + UUID.randomUUID());
        given().auth().oauth2(nurse).post("/api/intake/cases/{id}/claim", id).then().statusCode(200);
        given().auth().oauth2(nurse).get("/api/intake/cases?assignedTo=me")
                .then().statusCode(200).body("items.referralId", hasItem(id));

        TestKafka.publish(ReferralFixtures.envelope(ReferralFixtures.cancellation(referral, CANCELLED_AT)));

        awaitStatus(referral.referralId(), "CANCELLED");
        given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", id)
                .then().statusCode(200)
                .body("cancellation.cancelledAt", is(CANCELLED_AT.toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"))
                .body("cancellation.reasonText", is(ReferralFixtures.CANCELLATION_REASON))
                .body("decision", nullValue())
                .body("decisionReadiness", nullValue())
                .body("patient.patientId", is(referral.patientId().toString()));
        // the default worklist holds open cases only; the cancelled ones are listed on request
        given().auth().oauth2(nurse).get("/api/intake/cases?assignedTo=me")
                .then().statusCode(200).body("items.referralId", not(hasItem(id)));
        given().auth().oauth2(nurse).get("/api/intake/cases?status=OPEN&assignedTo=me")
                .then().statusCode(200).body("items.referralId", not(hasItem(id)));
        given().auth().oauth2(nurse).get("/api/intake/cases?status=CANCELLED&assignedTo=me")
                .then().statusCode(200)
                .body("items.referralId", hasItem(id))
                .body("items.find { it.referralId == '%s' }.cancelledAt".formatted(id), is(CANCELLED_AT.toString()));
        // nobody changes it any more, not even the nurse who held the claim
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("outcome", "REACHED"))
                .post("/api/intake/cases/{id}/call-attempts", id)
                .then().statusCode(409).body("type", is("urn:consilium:problem:intake-cancelled"));
        given().auth().oauth2(nurse).contentType(ContentType.JSON).body(Map.of("patientObjectsToGpReport", true))
                .put("/api/intake/cases/{id}/intake", id)
                .then().statusCode(409).body("type", is("urn:consilium:problem:intake-cancelled"));
    }

    @Test
    void aCancelledCaseCannotBeClaimedOrDecidedAndNothingIsPublished() {
        ReferralReceived referral = openedCase();
        TestKafka.publish(ReferralFixtures.envelope(ReferralFixtures.cancellation(referral, CANCELLED_AT)));
        awaitStatus(referral.referralId(), "CANCELLED");

        given().auth().oauth2(Tokens.nurse()).post("/api/intake/cases/{id}/claim", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-cancelled"));
        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON).body(Map.of("suitable", true))
                .post("/api/intake/cases/{id}/decision", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-cancelled"))
                .body("status", is(409));
        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON)
                .body(Map.of("suitable", false, "rejectionReason", "PATIENT_WITHDREW"))
                .post("/api/intake/cases/{id}/decision", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-cancelled"));

        given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", referral.referralId())
                .then().statusCode(200).body("status", is("CANCELLED")).body("decision", nullValue());
        assertThat(TestKafka.events(EventType.INTAKE_COMPLETED, referral.referralId().toString(),
                Duration.ofSeconds(2))).isEmpty();
        assertThat(TestKafka.events(EventType.INTAKE_REJECTED, referral.referralId().toString(),
                Duration.ZERO)).isEmpty();
    }

    @Test
    void aCaseDecidedBeforeTheCancellationEndsCancelledAndKeepsTheDecision() {
        ReferralReceived referral = openedCase();
        String nurse = Tokens.nurse("nurse.bakker");
        IntakeFlow.decideSuitable(nurse, referral.referralId());

        TestKafka.publish(ReferralFixtures.envelope(ReferralFixtures.cancellation(referral, CANCELLED_AT)));

        awaitStatus(referral.referralId(), "CANCELLED");
        given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", referral.referralId())
                .then().statusCode(200)
                .body("decision.suitable", is(true))
                .body("decision.decidedBy", is("nurse.bakker"))
                .body("intake.clarifiedQuestion", is(IntakeFlow.QUESTION))
                .body("cancellation.reasonCode", is("patient-withdrew"));
        // the patient's objection cannot change once the referral is cancelled
        IntakeFlow.save(nurse, referral.referralId(), Map.of("patientObjectsToGpReport", true)).statusCode(409)
                .body("type", is("urn:consilium:problem:intake-cancelled"));
    }

    @Test
    void aRedeliveredCancellationAndASecondCancellationChangeNothing() {
        ReferralReceived referral = openedCase();
        String key = referral.referralId().toString();
        EventEnvelope<ConsiliumEvent> cancelled = ReferralFixtures.envelope(
                ReferralFixtures.cancellation(referral, CANCELLED_AT));
        String json = EventCodec.encode(cancelled);
        TestKafka.send(Topics.REFERRAL, key, json);
        awaitStatus(referral.referralId(), "CANCELLED");
        long version = version(referral.referralId());

        TestKafka.send(Topics.REFERRAL, key, json);
        // another cancellation of the same referral, later and with another reason: the first one counts
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(new ReferralCancelled(
                referral.referralId(), referral.zorgDomeinNumber(), "zd-cancel-again", CANCELLED_AT.plusSeconds(3600),
                "other", "Een andere reden")));
        // a later referral on the same partition proves the consumer is past all of them
        ReferralReceived later = ReferralFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(later));
        awaitStatus(later.referralId(), "OPEN");

        assertThat(count("select count(*) from processed_event where consumer = 'intake.referral-events'"
                + " and event_id = ?1", cancelled.id())).isEqualTo(1);
        assertThat(version(referral.referralId())).isEqualTo(version);
        given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", referral.referralId())
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("cancellation.cancelledAt", is(CANCELLED_AT.toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"))
                .body("cancellation.reasonText", is(ReferralFixtures.CANCELLATION_REASON));
    }

    @Test
    void theCancellationOfAReferralWithoutACaseIsIgnoredAndTheConsumerCarriesOn() {
        UUID unknown = UUID.randomUUID();
        String key = unknown.toString();
        EventEnvelope<ConsiliumEvent> cancelled = ReferralFixtures.envelope(
                ReferralFixtures.cancellation(unknown, "ZD200000009", CANCELLED_AT));
        TestKafka.send(Topics.REFERRAL, key, EventCodec.encode(cancelled));
        // a referral behind it on the same partition is still opened
        ReferralReceived after = ReferralFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(after));
        awaitStatus(after.referralId(), "OPEN");

        given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", unknown).then().statusCode(404);
        assertThat(count("select count(*) from intake_case where referral_id = ?1", unknown)).isZero();
        // consumed (not retried, not poison)
        assertThat(count("select count(*) from processed_event where consumer = 'intake.referral-events'"
                + " and event_id = ?1", cancelled.id())).isEqualTo(1);
        assertThat(TestKafka.allRecords(Topics.deadLetter("intake"), Duration.ZERO))
                .noneMatch(r -> key.equals(r.key()));
    }

    private long version(UUID referralId) {
        return count("select version from intake_case where referral_id = ?1", referralId);
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
