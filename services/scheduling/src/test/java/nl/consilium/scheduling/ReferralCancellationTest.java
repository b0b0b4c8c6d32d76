package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.NOORD;
import static nl.consilium.scheduling.IntakeFixtures.OOST;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.WEST;
import static nl.consilium.scheduling.IntakeFixtures.cancellation;
import static nl.consilium.scheduling.IntakeFixtures.envelope;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static nl.consilium.scheduling.IntakeFixtures.mondayAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.scheduling.service.SchedulingService;
import nl.consilium.scheduling.service.SchedulingService.BookingOutcome;
import nl.consilium.scheduling.service.SchedulingService.CancellationOutcome;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * ReferralCancelled from Kafka (topic consilium.referral) ends the referral's booking: the appointment
 * is cancelled, its slot free again and ConsultCancelled published, a request on the coordinator's list is closed, and an IntakeCompleted that
 * comes after the cancellation is not booked; a redelivered cancellation changes nothing; poison goes
 * to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralCancellationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant CANCELLED_AT = Instant.parse("2026-11-24T10:15:30Z");

    @Inject
    EntityManager entityManager;

    @Inject
    SchedulingService scheduling;

    @Test
    void aCancellationCancelsTheBookedAppointmentAndFreesItsSlotForAnotherReferral() {
        Instant friday = freshFriday();
        Instant nine = mondayAfter(friday, LocalTime.of(9, 0));
        // only Jeroen Smit is independent of Ziekenhuis Noord: the first referral gets his Monday 09:00
        IntakeCompleted first = intake("cardiology", NOORD, friday);
        TestKafka.publish(envelope(first));
        TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, first.referralId().toString(), WAIT);
        String agenda = "/api/scheduling/specialists/me/agenda?from=" + IntakeFixtures.dateOf(friday) + "&to="
                + IntakeFixtures.dateOf(friday).plusDays(10);
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get(agenda)
                .then().statusCode(200).body("referralId", hasItem(first.referralId().toString()));

        TestKafka.publish(envelope(cancellation(first.referralId(), CANCELLED_AT)));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/appointments/{id}", first.referralId())
                .then().statusCode(200).body("status", is("CANCELLED")));
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", first.referralId())
                .then().statusCode(200)
                .body("cancelledAt", is(CANCELLED_AT.toString()))
                .body("cancelledBy", is("REFERRAL_CANCELLED"))
                .body("specialistAgb", is(SMIT))
                .body("startsAt", is(nine.toString()));
        // announced: the consult is cancelled because the referral was
        ConsultCancelled announced = TestKafka.awaitEvent(EventType.CONSULT_CANCELLED, first.referralId().toString(),
                WAIT).dataAs(ConsultCancelled.class);
        assertThat(announced.cancelledBy()).isEqualTo("REFERRAL_CANCELLED");
        assertThat(announced.reason()).isEqualTo("patient-withdrew");
        assertThat(announced.specialistAgb()).isEqualTo(SMIT);
        assertThat(announced.startsAt()).isEqualTo(nine);
        assertThat(announced.cancelledAt()).isEqualTo(CANCELLED_AT);
        // no longer on the specialist's schedule
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get(agenda)
                .then().statusCode(200).body("referralId", not(hasItem(first.referralId().toString())));

        // the freed slot goes to the next referral of that week
        IntakeCompleted second = intake("cardiology", NOORD, friday);
        TestKafka.publish(envelope(second));
        TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, second.referralId().toString(), WAIT);
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", second.referralId())
                .then().statusCode(200)
                .body("status", is("BOOKED"))
                .body("specialistAgb", is(SMIT))
                .body("startsAt", is(nine.toString()));
        List<String> statuses = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select status from appointment where specialist_agb = ?1 and starts_at = ?2 order by booked_at",
                        String.class)
                .setParameter(1, SMIT).setParameter(2, OffsetDateTime.ofInstant(nine, ZoneOffset.UTC))
                .getResultList());
        assertThat(statuses).containsExactly("CANCELLED", "BOOKED");
        // the first referral was scheduled once and cancelled once
        assertThat(TestKafka.events(EventType.CONSULT_SCHEDULED, first.referralId().toString(), Duration.ofSeconds(2)))
                .hasSize(1);
        assertThat(TestKafka.events(EventType.CONSULT_CANCELLED, first.referralId().toString(), Duration.ZERO))
                .hasSize(1);
    }

    @Test
    void aCancellationClosesARequestOnTheCoordinatorsList() {
        // Thomas Dekker, the only orthopaedic surgeon, works at the treating hospital: the coordinator has to assign
        IntakeCompleted intake = intake("orthopaedics", WEST, freshFriday());
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.MATCHING_FAILED);

        TestKafka.publish(envelope(cancellation(intake.referralId(), CANCELLED_AT)));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/scheduling/requests/{id}", intake.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED")));
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?size=200").then().statusCode(200)
                .body("items.referralId", not(hasItem(intake.referralId().toString())));
        String closed = "items.find { it.referralId == '%s' }".formatted(intake.referralId());
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?status=CANCELLED&size=200")
                .then().statusCode(200)
                .body(closed + ".status", is("CANCELLED"))
                .body(closed + ".cancelledAt", is(CANCELLED_AT.toString()))
                .body(closed + ".cancelledBy", is("REFERRAL_CANCELLED"))
                .body(closed + ".specialty", is("orthopaedics"));
        // nothing was booked, so no consult was cancelled
        assertThat(TestKafka.events(EventType.CONSULT_CANCELLED, intake.referralId().toString(), Duration.ofSeconds(2)))
                .isEmpty();
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(404);
    }

    @Test
    void anIntakeCompletedThatArrivesAfterTheCancellationIsNotBooked() {
        IntakeCompleted intake = intake("cardiology", OOST, freshFriday());
        String key = intake.referralId().toString();
        // the cancellation of a referral scheduling has not heard of yet (the intake is on another topic)
        TestKafka.publish(envelope(cancellation(intake.referralId(), CANCELLED_AT)));
        await().atMost(WAIT).until(() -> count("select count(*) from referral_cancellation where referral_id = ?1",
                intake.referralId()) == 1);

        EventEnvelope<IntakeCompleted> late = envelope(intake);
        TestKafka.publish(late);
        // a later intake on the same partition proves the consumer is past the cancelled one
        IntakeCompleted later = intake("cardiology", OOST, freshFriday());
        TestKafka.send(Topics.INTAKE, key, IntakeFixtures.json(envelope(later)));
        TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, later.referralId().toString(), WAIT);

        assertThat(count("select count(*) from processed_event where consumer = 'scheduling.intake-events'"
                + " and event_id = ?1", late.id())).isEqualTo(1);
        assertThat(count("select count(*) from appointment where referral_id = ?1", intake.referralId())).isZero();
        assertThat(count("select count(*) from consult_request where referral_id = ?1", intake.referralId())).isZero();
        assertThat(TestKafka.events(EventType.CONSULT_SCHEDULED, key, Duration.ofSeconds(2))).isEmpty();
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(404);
        // and calling the use case directly says why
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.CANCELLED);
    }

    @Test
    void aRedeliveredCancellationAndASecondCancellationChangeNothing() {
        Instant friday = freshFriday();
        Instant nine = mondayAfter(friday, LocalTime.of(9, 0));
        IntakeCompleted first = intake("cardiology", NOORD, friday);
        assertThat(scheduling.book(first)).isEqualTo(BookingOutcome.BOOKED);
        EventEnvelope<ReferralCancelled> cancelled = envelope(cancellation(first.referralId(), CANCELLED_AT));
        String key = first.referralId().toString();
        String json = IntakeFixtures.json(cancelled);
        TestKafka.send(Topics.REFERRAL, key, json);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/appointments/{id}", first.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED")));
        Object[] before = cancellationRow(first.referralId());
        // the slot is booked again by another referral
        IntakeCompleted second = intake("cardiology", NOORD, friday);
        assertThat(scheduling.book(second)).isEqualTo(BookingOutcome.BOOKED);

        // the same event again, and another cancellation of the same referral with a later time
        TestKafka.send(Topics.REFERRAL, key, json);
        TestKafka.send(Topics.REFERRAL, key, IntakeFixtures.json(
                envelope(cancellation(first.referralId(), CANCELLED_AT.plusSeconds(3600)))));
        // a later cancellation on the same partition proves the consumer is past all of them
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.REFERRAL, key, IntakeFixtures.json(envelope(cancellation(marker, CANCELLED_AT))));
        await().atMost(WAIT).until(() -> count("select count(*) from referral_cancellation where referral_id = ?1",
                marker) == 1);

        assertThat(count("select count(*) from processed_event where consumer = 'scheduling.referral-events'"
                + " and event_id = ?1", cancelled.id())).isEqualTo(1);
        assertThat(cancellationRow(first.referralId())).containsExactly(before);
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", first.referralId())
                .then().statusCode(200).body("status", is("CANCELLED"))
                .body("cancelledAt", is(CANCELLED_AT.toString()));
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", second.referralId())
                .then().statusCode(200).body("status", is("BOOKED")).body("startsAt", is(nine.toString()));
        assertThat(count("select count(*) from appointment where referral_id = ?1", first.referralId())).isEqualTo(1);
    }

    @Test
    void anIntakeAndACancellationConsumedAtOnceNeverLeaveABookedAppointment() {
        List<IntakeCompleted> intakes = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            IntakeCompleted intake = intake("cardiology", OOST, freshFriday());
            intakes.add(intake);
            EventEnvelope<IntakeCompleted> booking = envelope(intake);
            EventEnvelope<ReferralCancelled> cancelled = envelope(cancellation(intake.referralId(), CANCELLED_AT));
            eventIds.add(booking.id());
            eventIds.add(cancelled.id());
            if (i % 2 == 0) {
                TestKafka.publish(booking);
                TestKafka.publish(cancelled);
            } else {
                TestKafka.publish(cancelled);
                TestKafka.publish(booking);
            }
        }
        await().atMost(WAIT).until(() -> eventIds.stream().allMatch(id ->
                count("select count(*) from processed_event where event_id = ?1", id) == 1));
        for (IntakeCompleted intake : intakes) {
            assertThat(count("select count(*) from appointment where referral_id = ?1 and status <> 'CANCELLED'",
                    intake.referralId())).as("a booked appointment of a cancelled referral").isZero();
            assertThat(count("select count(*) from referral_cancellation where referral_id = ?1",
                    intake.referralId())).isEqualTo(1);
        }
    }

    @Test
    void aBookingWaitsForAConcurrentCancellationOfItsReferralAndTheOtherWayRound() throws Exception {
        // the cancellation is not committed yet when the booking starts: the booking waits, then sees it
        IntakeCompleted first = intake("cardiology", OOST, freshFriday());
        ReferralCancelled firstCancelled = cancellation(first.referralId(), CANCELLED_AT);
        assertThat(whileOpen(() -> scheduling.cancel(firstCancelled), () -> scheduling.book(first)))
                .isEqualTo(BookingOutcome.CANCELLED);
        assertThat(count("select count(*) from appointment where referral_id = ?1", first.referralId())).isZero();

        // the booking is not committed yet when the cancellation starts: the cancellation waits, then cancels it
        IntakeCompleted second = intake("cardiology", OOST, freshFriday());
        ReferralCancelled secondCancelled = cancellation(second.referralId(), CANCELLED_AT);
        assertThat(whileOpen(() -> scheduling.book(second), () -> scheduling.cancel(secondCancelled)))
                .isEqualTo(CancellationOutcome.APPOINTMENT_CANCELLED);
        assertThat(count("select count(*) from appointment where referral_id = ?1 and status = 'CANCELLED'",
                second.referralId())).isEqualTo(1);
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code second}, started meanwhile on
     * another thread, waits for a lock; then commits it and returns what {@code second} answered.
     */
    private <T> T whileOpen(Runnable first, Callable<T> second) throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection observer = DriverManager.getConnection(ConsiliumTestInfrastructure.jdbcUrl(),
                ConsiliumTestInfrastructure.username(), ConsiliumTestInfrastructure.password())) {
            Future<?> open = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                first.run();
                applied.countDown();
                try {
                    commit.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(applied.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<T> answer = pool.submit(second);
            await().atMost(WAIT).until(() -> {
                try (var waiting = observer.createStatement().executeQuery("""
                        select count(*) from pg_stat_activity where pid <> pg_backend_pid()
                        and wait_event_type = 'Lock'""")) {
                    waiting.next();
                    return waiting.getInt(1) > 0 || answer.isDone();
                }
            });
            assertThat(answer.isDone()).as("the second transaction waits for the first one").isFalse();
            commit.countDown();
            open.get(30, TimeUnit.SECONDS);
            return answer.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void otherReferralEventsAreSkippedAndPoisonGoesToTheDeadLetterTopic() {
        String key = "poison-referral-" + System.nanoTime();
        TestKafka.send(Topics.REFERRAL, key,
                "{\"specversion\":\"1.0\",\"type\":\"nl.consilium.referral.ReferralCancelled.v1\"}");
        // a cancellation without the time it happened cannot be applied
        UUID noTime = UUID.randomUUID();
        TestKafka.publish(envelope(new ReferralCancelled(noTime, "ZD200000002", "zd-cancel-x", null, "other", null)));
        // an event type scheduling does not use on the same topic is skipped, not poison
        String unused = "unused-" + System.nanoTime();
        TestKafka.send(Topics.REFERRAL, unused, """
                {"specversion":"1.0","id":"%s","type":"nl.consilium.referral.SomethingNew.v1",
                 "source":"/consilium/referral-gateway","time":"2026-11-23T08:00:00Z","data":{}}"""
                .formatted(UUID.randomUUID()));

        var dead = TestKafka.awaitRecords(Topics.deadLetter("scheduling"),
                r -> key.equals(r.key()) || noTime.toString().equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder(key, noTime.toString());
        assertThat(count("select count(*) from referral_cancellation where referral_id = ?1", noTime)).isZero();

        // the consumer carries on: a cancellation behind them all (same partition) is applied
        IntakeCompleted after = intake("orthopaedics", WEST, freshFriday());
        assertThat(scheduling.book(after)).isEqualTo(BookingOutcome.MATCHING_FAILED);
        TestKafka.send(Topics.REFERRAL, unused,
                IntakeFixtures.json(envelope(cancellation(after.referralId(), CANCELLED_AT))));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get("/api/scheduling/requests/{id}", after.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED")));
        assertThat(TestKafka.allRecords(Topics.deadLetter("scheduling"), Duration.ZERO))
                .noneMatch(r -> unused.equals(r.key()));
    }

    private Object[] cancellationRow(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select cast(extract(epoch from cancelled_at) as bigint), reason_code,"
                                + " cast(extract(epoch from recorded_at) * 1000000 as bigint), version"
                                + " from referral_cancellation where referral_id = ?1")
                .setParameter(1, referralId).getSingleResult());
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
