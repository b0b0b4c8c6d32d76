package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import nl.consilium.events.Topics;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** ReferralReceived from Kafka opens one case, however often it is delivered; poison goes to the DLQ. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralConsumptionTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aRedeliveredReferralOpensOneCase() {
        ReferralReceived referral = ReferralFixtures.referral();
        String json = ReferralFixtures.envelopeJson(referral);
        String key = referral.referralId().toString();
        TestKafka.send(Topics.REFERRAL, key, json);
        TestKafka.send(Topics.REFERRAL, key, json);
        // a later referral on the same partition proves the consumer is past both copies
        ReferralReceived later = ReferralFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(later));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", later.referralId())
                        .then().statusCode(200).body("status", is("OPEN")));
        given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", referral.referralId())
                .then().statusCode(200).body("zorgDomeinNumber", is(referral.zorgDomeinNumber()));

        long processed = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where consumer = 'intake.referral-events' and event_id = ?1")
                .setParameter(1, java.util.UUID.fromString(
                        nl.consilium.events.EventCodec.mapper().readTree(json).get("id").asText()))
                .getSingleResult()).longValue());
        assertThat(processed).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "poison-" + System.nanoTime();
        TestKafka.send(Topics.REFERRAL, key, "{\"specversion\":\"1.0\",\"type\":\"nl.consilium.referral.ReferralReceived.v1\"}");
        var dead = TestKafka.awaitRecords(Topics.deadLetter("intake"), r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);

        ReferralReceived after = ReferralFixtures.referral();
        TestKafka.send(Topics.REFERRAL, after.referralId().toString(), ReferralFixtures.envelopeJson(after));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.nurse()).get("/api/intake/cases/{id}", after.referralId())
                        .then().statusCode(200));
    }
}
