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
import java.util.List;
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

    private static final Map<String, Object> SUITABLE = Map.of(
            "suitable", true,
            "clarifiedQuestion", "Is bypass surgery the right treatment?",
            "reasons", List.of("DOUBT_ABOUT_TREATMENT"),
            "preferredLanguage", "nl",
            "patientObjectsToGpReport", false);

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
                .get("/api/intake-cases/{id}", referralId).then().statusCode(200).body("status", is(status)));
    }

    @Test
    void aCancellationClosesTheOpenCaseWithItsReasonAndTakesItOffTheWorklist() {
        ReferralReceived referral = openedCase();
        String id = referral.referralId().toString();
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases")
                .then().statusCode(200).body("referralId", hasItem(id));

        TestKafka.publish(ReferralFixtures.envelope(ReferralFixtures.cancellation(referral, CANCELLED_AT)));

        awaitStatus(referral.referralId(), "CANCELLED");
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", id)
                .then().statusCode(200)
                .body("cancellation.cancelledAt", is(CANCELLED_AT.toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"))
                .body("cancellation.reasonText", is(ReferralFixtures.CANCELLATION_REASON))
                .body("decision", nullValue())
                .body("patient.patientId", is(referral.patientId().toString()));
        // the default worklist holds open cases only; the cancelled ones are listed on request
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases")
                .then().statusCode(200).body("referralId", not(hasItem(id)));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases?status=OPEN")
                .then().statusCode(200).body("referralId", not(hasItem(id)));
        given().auth().oauth2(Tokens.coordinator()).get("/api/intake-cases?status=CANCELLED")
                .then().statusCode(200)
                .body("referralId", hasItem(id))
                .body("find { it.referralId == '%s' }.cancelledAt".formatted(id), is(CANCELLED_AT.toString()));
    }

    @Test
    void aCancelledCaseCannotBeDecidedAndNothingIsPublished() {
        ReferralReceived referral = openedCase();
        TestKafka.publish(ReferralFixtures.envelope(ReferralFixtures.cancellation(referral, CANCELLED_AT)));
        awaitStatus(referral.referralId(), "CANCELLED");

        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-cancelled"))
                .body("status", is(409));
        given().auth().oauth2(Tokens.nurse()).contentType(ContentType.JSON)
                .body(Map.of("suitable", false, "unsuitableReason", "no second opinion needed"))
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-cancelled"));

        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", referral.referralId())
                .then().statusCode(200).body("status", is("CANCELLED")).body("decision", nullValue());
        assertThat(TestKafka.events(EventType.INTAKE_COMPLETED, referral.referralId().toString(),
                Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aCaseDecidedBeforeTheCancellationEndsCancelledAndKeepsTheDecision() {
        ReferralReceived referral = openedCase();
        given().auth().oauth2(Tokens.nurse("nurse.bakker")).contentType(ContentType.JSON).body(SUITABLE)
                .post("/api/intake-cases/{id}/decision", referral.referralId())
                .then().statusCode(200).body("status", is("SUITABLE"));

        TestKafka.publish(ReferralFixtures.envelope(ReferralFixtures.cancellation(referral, CANCELLED_AT)));

        awaitStatus(referral.referralId(), "CANCELLED");
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", referral.referralId())
                .then().statusCode(200)
                .body("decision.decidedBy", is("nurse.bakker"))
                .body("decision.clarifiedQuestion", is(SUITABLE.get("clarifiedQuestion")))
                .body("cancellation.reasonCode", is("patient-withdrew"));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases?status=SUITABLE")
                .then().statusCode(200).body("referralId", not(hasItem(referral.referralId().toString())));
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
        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", referral.referralId())
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

        given().auth().oauth2(Tokens.nurse()).get("/api/intake-cases/{id}", unknown).then().statusCode(404);
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
