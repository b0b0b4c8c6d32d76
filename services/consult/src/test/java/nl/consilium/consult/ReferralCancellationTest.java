package nl.consilium.consult;

import static io.restassured.RestAssured.given;
import static nl.consilium.consult.ConsultFixtures.CANCELLED_AT;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * ReferralCancelled from Kafka (topic consilium.referral) ends the consult: no report can be drafted
 * or signed any more, and intake's and scheduling's events that come later do not revive it; a
 * consult whose report is final stays completed; a redelivered cancellation changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class ReferralCancellationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final Map<String, Object> REPORT = Map.of(
            "findings", "Dossier bestudeerd; beeldbelconsult gehouden.",
            "conclusion", "CONFIRMS_POLICY",
            "recommendations", "Het beleid van de behandelend specialist volgen.");

    @Inject
    ConsultEvents consults;

    @Inject
    EntityManager entityManager;

    private static String smit() {
        return Tokens.specialist(ConsultFixtures.SMIT_AGB, "cardiology");
    }

    @Test
    void aCancellationEndsTheConsultAndNoReportCanBeDraftedOrSigned() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        awaitStatus(referral, "SCHEDULED");
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id).then().statusCode(200).body("status", is("SCHEDULED"))
                .body("report.status", is("DRAFT"));

        TestKafka.publish(ConsultFixtures.envelope(referral.cancellation(), "referral-gateway"));
        awaitStatus(referral, "CANCELLED");

        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:consult-cancelled"));
        given().auth().oauth2(smit()).post("/api/consults/{id}/report/finalise", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:consult-cancelled"));
        // the specialist still sees that it was cancelled, with the unsigned draft as it was
        given().auth().oauth2(smit()).get("/api/consults/{id}", id)
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("cancellation.cancelledAt", is(CANCELLED_AT.toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"))
                .body("report.finalised", is(false));
        // but it is no longer among their consults
        given().auth().oauth2(smit()).get("/api/consults")
                .then().statusCode(200).body("referralId", not(hasItem(id.toString())));
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), Duration.ofSeconds(2))).isEmpty();
        // the free-text reason is not kept here
        assertThat(given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", id).then().statusCode(200)
                .extract().asString()).doesNotContain("ziet af");
    }

    @Test
    void intakeAndBookingThatArriveAfterTheCancellationDoNotReviveTheConsult() {
        Referral referral = Referral.fresh();
        String key = referral.referralId().toString();
        // the cancellation travels on consilium.referral and is read first: nothing of the consult is known yet
        TestKafka.publish(ConsultFixtures.envelope(referral.cancellation(), "referral-gateway"));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(column(referral.referralId(), "status")));
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", referral.referralId())
                .then().statusCode(404).body("type", is("urn:consilium:problem:not-found"));

        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        // later events of another referral on the same partitions prove the consumers are past both
        Referral later = Referral.fresh();
        TestKafka.send(Topics.INTAKE, key, EventCodec.encode(ConsultFixtures.envelope(later.intake(), "intake")));
        TestKafka.send(Topics.SCHEDULING, key,
                EventCodec.encode(ConsultFixtures.envelope(later.booking(), "scheduling")));
        awaitStatus(later, "SCHEDULED");

        assertThat(column(referral.referralId(), "status")).isEqualTo("CANCELLED");
        // a consult that will not take place takes no patient data and no specialist
        assertThat(column(referral.referralId(), "patient_id")).isNull();
        assertThat(column(referral.referralId(), "patient_name")).isNull();
        assertThat(column(referral.referralId(), "specialist_agb")).isNull();
        given().auth().oauth2(smit()).get("/api/consults/{id}", referral.referralId()).then().statusCode(404);
        given().auth().oauth2(smit()).contentType(ContentType.JSON).body(REPORT)
                .put("/api/consults/{id}/report", referral.referralId()).then().statusCode(404);
        given().auth().oauth2(smit()).get("/api/consults")
                .then().statusCode(200).body("referralId", not(hasItem(key)));
        assertThat(TestKafka.allRecords(Topics.deadLetter("consult"), Duration.ZERO))
                .noneMatch(r -> key.equals(r.key()));
    }

    @Test
    void aBookingAfterTheCancellationOfAConsultAwaitingItIsIgnored() {
        Referral referral = Referral.fresh();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        awaitStatus(referral, "AWAITING_BOOKING");
        TestKafka.publish(ConsultFixtures.envelope(referral.cancellation(), "referral-gateway"));
        awaitStatus(referral, "CANCELLED");

        ConsultScheduled booking = referral.booking();
        TestKafka.publish(ConsultFixtures.envelope(booking, "scheduling"));
        Referral later = Referral.fresh();
        TestKafka.send(Topics.SCHEDULING, referral.referralId().toString(),
                EventCodec.encode(ConsultFixtures.envelope(later.booking(), "scheduling")));
        awaitStatus(later, "AWAITING_INTAKE");

        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", referral.referralId())
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("clarifiedQuestion", is(ConsultFixtures.QUESTION))
                .body("appointment", nullValue())
                .body("cancellation.cancelledAt", is(CANCELLED_AT.toString()));
        // never booked with the specialist, so not theirs to see
        given().auth().oauth2(smit()).get("/api/consults/{id}", referral.referralId()).then().statusCode(404);
    }

    @Test
    void aConsultWhoseReportIsFinalStaysCompleted() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        consults.recordIntake(referral.intake());
        consults.recordBooking(referral.booking());
        Api.throughToSignedReport(smit(), id);
        given().auth().oauth2(smit()).post("/api/consults/{id}/complete", id)
                .then().statusCode(200).body("status", is("COMPLETED"));

        EventEnvelope<ReferralCancelled> cancelled = ConsultFixtures.envelope(referral.cancellation(),
                "referral-gateway");
        TestKafka.publish(cancelled);
        await().atMost(WAIT).until(() -> processed("consult.referral-events", cancelled.id()) == 1);

        given().auth().oauth2(smit()).get("/api/consults/{id}", id).then().statusCode(200)
                .body("status", is("COMPLETED"))
                .body("report.finalised", is(true))
                .body("cancellation", nullValue());
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void schedulingsEchoOfTheReferrersCancellationFirstThenTheReferrersOwnAddsTheReasonCode() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        consults.recordIntake(referral.intake());
        consults.recordBooking(referral.booking());
        Mailbox.await(referral.email(), 1);
        TestKafka.publish(ConsultFixtures.envelope(referral.consultCancelled("REFERRAL_CANCELLED",
                ConsultFixtures.STARTS_AT), "scheduling"));
        awaitStatus(referral, "CANCELLED");
        EventEnvelope<ReferralCancelled> own = ConsultFixtures.envelope(referral.cancellation(), "referral-gateway");
        TestKafka.publish(own);
        await().atMost(WAIT).until(() -> processed("consult.referral-events", own.id()) == 1);
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", id).then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("cancellation.cancelledBy", is("REFERRER"))
                .body("cancellation.reasonCode", is("patient-withdrew"));
        // the patient was told once: the invitation and one cancellation
        List<Mailbox.Received> mails = Mailbox.await(referral.email(), 2);
        assertThat(mails.getLast().subject()).endsWith("gaat niet door");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pending_email where referral_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue())).isEqualTo(2);
        assertThat(TestKafka.events(EventType.CONSULT_COMPLETED, id.toString(), Duration.ZERO)).isEmpty();
    }

    @Test
    void aRedeliveredCancellationAndASecondCancellationChangeNothing() {
        Referral referral = Referral.fresh();
        consults.recordIntake(referral.intake());
        consults.recordBooking(referral.booking());
        String key = referral.referralId().toString();
        EventEnvelope<ReferralCancelled> cancelled = ConsultFixtures.envelope(referral.cancellation(),
                "referral-gateway");
        String json = EventCodec.encode(cancelled);
        TestKafka.send(Topics.REFERRAL, key, json);
        awaitStatus(referral, "CANCELLED");
        Object version = column(referral.referralId(), "version");

        TestKafka.send(Topics.REFERRAL, key, json);
        TestKafka.send(Topics.REFERRAL, key, EventCodec.encode(ConsultFixtures.envelope(
                referral.cancellation(CANCELLED_AT.plusSeconds(3600), "other"), "referral-gateway")));
        // a later cancellation on the same partition proves the consumer is past all of them
        Referral marker = Referral.fresh();
        TestKafka.send(Topics.REFERRAL, key, EventCodec.encode(ConsultFixtures.envelope(marker.cancellation(),
                "referral-gateway")));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(column(marker.referralId(), "status")));

        assertThat(processed("consult.referral-events", cancelled.id())).isEqualTo(1);
        assertThat(column(referral.referralId(), "version")).isEqualTo(version);
        given().auth().oauth2(Tokens.coordinator()).get("/api/consults/{id}", referral.referralId())
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("cancellation.cancelledAt", is(CANCELLED_AT.toString()))
                .body("cancellation.reasonCode", is("patient-withdrew"));
    }

    @Test
    void aCancellationAndAnIntakeConsumedAtOnceEndCancelled() {
        Set<String> keys = new HashSet<>();
        List<Referral> referrals = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Referral referral = Referral.fresh();
            referrals.add(referral);
            keys.add(referral.referralId().toString());
            EventEnvelope<IntakeCompleted> intake = ConsultFixtures.envelope(referral.intake(), "intake");
            EventEnvelope<ReferralCancelled> cancelled = ConsultFixtures.envelope(referral.cancellation(),
                    "referral-gateway");
            eventIds.add(intake.id());
            eventIds.add(cancelled.id());
            TestKafka.publish(i % 2 == 0 ? intake : cancelled);
            TestKafka.publish(i % 2 == 0 ? cancelled : intake);
        }
        await().atMost(WAIT).until(() -> eventIds.stream().allMatch(id -> processed(null, id) == 1));
        for (Referral referral : referrals) {
            assertThat(column(referral.referralId(), "status")).isEqualTo("CANCELLED");
            assertThat(rowCount(referral.referralId())).isEqualTo(1);
        }
        assertThat(TestKafka.allRecords(Topics.deadLetter("consult"), Duration.ofSeconds(1)))
                .noneMatch(r -> keys.contains(r.key()));
    }

    @Test
    void otherReferralEventsAreSkippedAndPoisonGoesToTheDeadLetterTopic() {
        String key = "poison-referral-" + System.nanoTime();
        TestKafka.send(Topics.REFERRAL, key,
                "{\"specversion\":\"1.0\",\"type\":\"nl.consilium.referral.ReferralCancelled.v1\"}");
        // a cancellation that does not say when cannot be applied
        Referral noTime = Referral.fresh();
        consults.recordIntake(noTime.intake());
        TestKafka.publish(ConsultFixtures.envelope(noTime.cancellation(null, "other"), "referral-gateway"));
        var dead = TestKafka.awaitRecords(Topics.deadLetter("consult"),
                r -> key.equals(r.key()) || noTime.referralId().toString().equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder(key, noTime.referralId().toString());
        assertThat(column(noTime.referralId(), "status")).isEqualTo("AWAITING_BOOKING");

        // the referral's other events on the topic are not consult's business: skipped, no row, no poison
        UUID received = UUID.randomUUID();
        ReferralReceived referral = new ReferralReceived(received, "ZD200000003", Instant.parse("2026-11-23T08:00:00Z"),
                UUID.randomUUID(), new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", null, null),
                new Referrer(ConsultFixtures.GP_AGB, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", "cardiology",
                "Ziekenhuis Oost", "Dr. P. Visser");
        EventEnvelope<ReferralReceived> receivedEvent = ConsultFixtures.envelope(referral, "referral-gateway");
        TestKafka.publish(receivedEvent);
        // and the consumer carries on
        Referral after = Referral.fresh();
        consults.recordIntake(after.intake());
        TestKafka.send(Topics.REFERRAL, received.toString(),
                EventCodec.encode(ConsultFixtures.envelope(after.cancellation(), "referral-gateway")));
        awaitStatus(after, "CANCELLED");
        assertThat(processed("consult.referral-events", receivedEvent.id())).isEqualTo(1);
        assertThat(rowCount(received)).isZero();
        assertThat(TestKafka.allRecords(Topics.deadLetter("consult"), Duration.ZERO))
                .noneMatch(r -> received.toString().equals(r.key()));
    }

    private static void awaitStatus(Referral referral, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/consults/{id}", referral.referralId()).then().statusCode(200).body("status", is(status)));
    }

    /** One column of the referral's consult row (null when there is no row). */
    private Object column(UUID referralId, String column) {
        List<?> values = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select " + column + " from consult where referral_id = ?1")
                .setParameter(1, referralId).getResultList());
        return values.isEmpty() ? null : values.getFirst();
    }

    /** How often the event was recorded as processed, by {@code consumer} or (null) by any consumer. */
    private long processed(String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = ?1"
                                + (consumer == null ? "" : " and consumer = '" + consumer + "'"))
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private long rowCount(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from consult where referral_id = ?1").setParameter(1, referralId)
                .getSingleResult()).longValue());
    }
}
