package nl.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.Topics;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * IntakeCompleted and ConsultScheduled from Kafka make one consult, in either order; a redelivered
 * event is applied once; poison goes to consilium.dlq.consult.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class ConsultConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Test
    void intakeThenBookingMakesAScheduledConsult() {
        Referral referral = Referral.fresh();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        awaitStatus(referral, "AWAITING_BOOKING");

        ConsultScheduled booking = referral.booking();
        TestKafka.publish(ConsultFixtures.envelope(booking, "scheduling"));
        awaitStatus(referral, "SCHEDULED");

        given().auth().oauth2(Tokens.specialist(ConsultFixtures.SMIT_AGB, "cardiology"))
                .get("/api/consults/{id}", referral.referralId())
                .then().statusCode(200)
                .body("clarifiedQuestion", is(ConsultFixtures.QUESTION))
                .body("patient.name", is(ConsultFixtures.PATIENT_NAME))
                .body("referrerAgb", is(ConsultFixtures.GP_AGB))
                .body("appointment.consultId", is(booking.consultId().toString()))
                .body("appointment.specialistName", is(ConsultFixtures.SMIT_NAME))
                .body("appointment.startsAt", is("2026-11-25T09:00:00Z"))
                .body("report", nullValue());
        assertThat(rowCount(referral.referralId())).isEqualTo(1);
    }

    @Test
    void bookingThenIntakeMakesAScheduledConsultToo() {
        Referral referral = Referral.fresh();
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        awaitStatus(referral, "AWAITING_INTAKE");
        // booked with the specialist, but nothing to show them yet
        given().auth().oauth2(Tokens.specialist(ConsultFixtures.SMIT_AGB, "cardiology"))
                .get("/api/consults/{id}", referral.referralId()).then().statusCode(404);

        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        awaitStatus(referral, "SCHEDULED");
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", referral.referralId())
                .then().statusCode(200)
                .body("clarifiedQuestion", is(ConsultFixtures.QUESTION))
                .body("appointment.specialistAgb", is(ConsultFixtures.SMIT_AGB));
        assertThat(rowCount(referral.referralId())).isEqualTo(1);
    }

    @Test
    void bothHalvesAtOnceStillMakeOneScheduledConsult() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            Referral referral = Referral.fresh();
            keys.add(referral.referralId().toString());
            TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
            TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
            awaitStatus(referral, "SCHEDULED");
            assertThat(rowCount(referral.referralId())).isEqualTo(1);
        }
        assertThat(TestKafka.allRecords(Topics.deadLetter("consult"), Duration.ofSeconds(1)))
                .noneMatch(r -> keys.contains(r.key()));
    }

    @Test
    void aRedeliveredBookingIsAppliedOnce() {
        Referral referral = Referral.fresh();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        EventEnvelope<ConsultScheduled> first = ConsultFixtures.envelope(referral.booking(), "scheduling");
        TestKafka.publish(first);
        // re-booked with another specialist; then the first booking arrives again
        TestKafka.publish(ConsultFixtures.envelope(
                referral.booking(ConsultFixtures.MULDER_AGB, ConsultFixtures.MULDER_NAME), "scheduling"));
        TestKafka.publish(first);
        // a later event on the same partition proves the consumer is past the copy
        Referral later = new Referral(UUID.randomUUID(), UUID.randomUUID());
        TestKafka.send(Topics.SCHEDULING, referral.referralId().toString(),
                EventCodec.encode(ConsultFixtures.envelope(later.booking(), "scheduling")));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/consults/{id}", later.referralId()).then().statusCode(200));
        // the copy is behind us; had it been applied, Smit would be back for good
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/consults/{id}", referral.referralId())
                .then().statusCode(200)
                .body("status", is("SCHEDULED"))
                .body("appointment.specialistAgb", is(ConsultFixtures.MULDER_AGB)));

        long processed = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'consult.scheduling-events' and event_id = ?1")
                .setParameter(1, first.id()).getSingleResult()).longValue());
        assertThat(processed).isEqualTo(1);
    }

    @Test
    void poisonOnEitherTopicGoesToTheDeadLetterTopicAndTheConsumersCarryOn() {
        String intakeKey = "poison-intake-" + System.nanoTime();
        String schedulingKey = "poison-scheduling-" + System.nanoTime();
        TestKafka.send(Topics.INTAKE, intakeKey, "{\"specversion\":\"1.0\",\"type\":\"nl.consilium.intake.IntakeCompleted.v1\"}");
        TestKafka.send(Topics.SCHEDULING, schedulingKey, "not json at all");
        var dead = TestKafka.awaitRecords(Topics.deadLetter("consult"),
                r -> intakeKey.equals(r.key()) || schedulingKey.equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder(intakeKey, schedulingKey);
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        assertThat(new String(dead.stream().filter(r -> schedulingKey.equals(r.key())).findFirst().orElseThrow()
                .headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8)).isEqualTo(Topics.SCHEDULING);

        // data that decodes but cannot make a consult (no patient id) is poison too
        Referral broken = Referral.fresh();
        ConsultScheduled noPatient = new ConsultScheduled(broken.referralId(), UUID.randomUUID(), null,
                ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME, "cardiology", java.time.Instant.now(),
                java.time.Instant.now().plusSeconds(1800));
        TestKafka.publish(ConsultFixtures.envelope(noPatient, "scheduling"));
        TestKafka.awaitRecords(Topics.deadLetter("consult"), r -> broken.referralId().toString().equals(r.key()), 1, WAIT);
        assertThat(rowCount(broken.referralId())).isZero();

        Referral after = Referral.fresh();
        TestKafka.publish(ConsultFixtures.envelope(after.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(after.booking(), "scheduling"));
        awaitStatus(after, "SCHEDULED");
    }

    private static void awaitStatus(Referral referral, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/consults/{id}", referral.referralId()).then().statusCode(200).body("status", is(status)));
    }

    private long rowCount(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from consult where referral_id = ?1").setParameter(1, referralId)
                .getSingleResult()).longValue());
    }
}
