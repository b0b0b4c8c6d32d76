package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.DEKKER;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.NOORD;
import static nl.consilium.scheduling.IntakeFixtures.OOST;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.WEST;
import static nl.consilium.scheduling.IntakeFixtures.envelope;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static nl.consilium.scheduling.IntakeFixtures.mondayAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.scheduling.service.SchedulingService;
import nl.consilium.scheduling.service.SchedulingService.BookingOutcome;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * IntakeCompleted from Kafka books one consult with an independent specialist and announces it with
 * ConsultScheduled (the rationale stored), however often it is delivered; a slot is never booked twice;
 * no independent specialist publishes MatchingFailed; poison goes to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class IntakeConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Inject
    SchedulingService scheduling;

    @Inject
    MeterRegistry metrics;

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @Test
    void aSuitableIntakeIsBookedWithACardiologistOutsideTheTreatingHospitalAndAnnounced() {
        Instant friday = freshFriday();
        IntakeCompleted intake = intake("cardiology", NOORD, friday);   // Eva Mulder works there
        TestKafka.publish(envelope(intake));
        String referralId = intake.referralId().toString();

        var event = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, referralId, WAIT);
        ConsultScheduled scheduled = event.dataAs(ConsultScheduled.class);
        assertThat(scheduled.specialistAgb()).isEqualTo(SMIT);
        assertThat(scheduled.specialistName()).isEqualTo("Jeroen Smit");
        assertThat(scheduled.specialty()).isEqualTo("cardiology");
        assertThat(scheduled.patientId()).isEqualTo(intake.patientId());
        assertThat(scheduled.startsAt()).isEqualTo(mondayAfter(friday, LocalTime.of(9, 0)));
        assertThat(scheduled.endsAt()).isEqualTo(mondayAfter(friday, LocalTime.of(9, 30)));
        assertThat(event.source()).isEqualTo("/consilium/scheduling");
        assertThat(event.subject()).isEqualTo(referralId);

        var record = TestKafka.awaitRecords(Topics.SCHEDULING, r -> referralId.equals(r.key()), 1, WAIT).getFirst();
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.id().toString());
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("nl.consilium.scheduling.ConsultScheduled.v1");

        assertThat(scheduled.assignedBy()).isEqualTo("MATCHING");
        assertThat(scheduled.deadlineOverridden()).isFalse();

        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", referralId)
                .then().statusCode(200)
                .body("consultId", is(scheduled.consultId().toString()))
                .body("specialistAgb", is(SMIT))
                .body("startsAt", is(scheduled.startsAt().toString()))
                .body("withinDeadline", is(true))
                .body("assignedBy", is("MATCHING"));

        // the rationale: Eva Mulder was excluded (she works at the treating hospital), Jeroen Smit chosen
        String mulder = "matchings[0].rationale.candidates.find { it.specialistAgb == '%s' }".formatted(MULDER);
        String smit = "matchings[0].rationale.candidates.find { it.specialistAgb == '%s' }".formatted(SMIT);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", referralId)
                .then().statusCode(200)
                .body("status", is("BOOKED"))
                .body("matchings", hasSize(1))
                .body("matchings[0].purpose", is("INTAKE"))
                .body("matchings[0].outcome", is("BOOKED"))
                .body("matchings[0].rationale.chosen.specialistAgb", is(SMIT))
                .body("matchings[0].rationale.chosen.startsAt", is(scheduled.startsAt().toString()))
                .body("matchings[0].rationale.input.treatingOrganisations", hasItem("ziekenhuis-noord"))
                .body(mulder + ".excludedBecause", is("NOT_INDEPENDENT"))
                .body(smit + ".excludedBecause", is((Object) null))
                .body(smit + ".best.slotStart", is(scheduled.startsAt().toString()))
                .body(smit + ".best.weeklyLoad", is(0));
    }

    @Test
    void aRedeliveredIntakeIsBookedOnceAndAnnouncedOnce() {
        Instant friday = freshFriday();
        IntakeCompleted intake = intake("cardiology", OOST, friday);
        EventEnvelope<IntakeCompleted> envelope = envelope(intake);
        String json = IntakeFixtures.json(envelope);
        String key = intake.referralId().toString();
        TestKafka.send(Topics.INTAKE, key, json);
        TestKafka.send(Topics.INTAKE, key, json);
        // a later intake on the same partition proves the consumer is past both copies
        IntakeCompleted later = intake("cardiology", OOST, friday);
        TestKafka.send(Topics.INTAKE, key, IntakeFixtures.json(envelope(later)));
        TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, later.referralId().toString(), WAIT);

        assertThat(count("select count(*) from appointment where referral_id = ?1", intake.referralId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = 'scheduling.intake-events'"
                + " and event_id = ?1", envelope.id())).isEqualTo(1);
        assertThat(TestKafka.events(EventType.CONSULT_SCHEDULED, key, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void twoReferralsOfTheSameSpecialtyNeverShareASpecialistsSlot() {
        Instant friday = freshFriday();
        // only Jeroen Smit is independent of Ziekenhuis Noord
        IntakeCompleted first = intake("cardiology", NOORD, friday);
        IntakeCompleted second = intake("cardiology", NOORD, friday);
        TestKafka.publish(envelope(first));
        TestKafka.publish(envelope(second));
        ConsultScheduled a = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, first.referralId().toString(), WAIT)
                .dataAs(ConsultScheduled.class);
        ConsultScheduled b = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, second.referralId().toString(), WAIT)
                .dataAs(ConsultScheduled.class);
        assertThat(List.of(a.specialistAgb(), b.specialistAgb())).containsOnly(SMIT);
        assertThat(List.of(a.startsAt(), b.startsAt())).containsExactlyInAnyOrder(
                mondayAfter(friday, LocalTime.of(9, 0)), mondayAfter(friday, LocalTime.of(9, 30)));

        // with both cardiologists independent, the same hour goes to both before the next half hour
        Instant otherFriday = freshFriday();
        IntakeCompleted third = intake("cardiology", OOST, otherFriday);
        IntakeCompleted fourth = intake("cardiology", OOST, otherFriday);
        assertThat(scheduling.book(third)).isEqualTo(BookingOutcome.BOOKED);
        assertThat(scheduling.book(fourth)).isEqualTo(BookingOutcome.BOOKED);
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", third.referralId())
                .then().statusCode(200).body("specialistAgb", is(SMIT))
                .body("startsAt", is(mondayAfter(otherFriday, LocalTime.of(9, 0)).toString()));
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", fourth.referralId())
                .then().statusCode(200).body("specialistAgb", is(MULDER))
                .body("startsAt", is(mondayAfter(otherFriday, LocalTime.of(9, 0)).toString()));
    }

    @Test
    void concurrentBookingsThatRaceForOneSlotEachGetTheirOwn() throws Exception {
        Instant friday = freshFriday();
        int bookings = 6;
        List<IntakeCompleted> intakes = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            intakes.add(intake("cardiology", NOORD, friday));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(bookings);
        try {
            List<Future<BookingOutcome>> outcomes = new ArrayList<>();
            for (IntakeCompleted intake : intakes) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return scheduling.book(intake);
                }));
            }
            start.countDown();
            for (Future<BookingOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo(BookingOutcome.BOOKED);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> agbs = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (IntakeCompleted intake : intakes) {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                            "select specialist_agb, cast(extract(epoch from starts_at) as bigint)"
                                    + " from appointment where referral_id = ?1")
                    .setParameter(1, intake.referralId()).getResultList());
            assertThat(rows).hasSize(1);
            agbs.add((String) rows.getFirst()[0]);
            starts.add(Instant.ofEpochSecond(((Number) rows.getFirst()[1]).longValue()));
        }
        assertThat(agbs).containsOnly(SMIT);
        starts.sort(null);
        List<Instant> expected = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            expected.add(mondayAfter(friday, LocalTime.of(9, 0)).plus(Duration.ofMinutes(30L * i)));
        }
        assertThat(starts).containsExactlyElementsOf(expected);
    }

    @Test
    void aBookingThatLosesTheRaceForItsSlotRetriesTheNextOne() throws Exception {
        Instant friday = freshFriday();
        Instant nine = mondayAfter(friday, LocalTime.of(9, 0));
        IntakeCompleted intake = intake("cardiology", NOORD, friday);
        double conflictsBefore = metrics.counter("consilium.scheduling.slot.conflicts").count();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rival = DriverManager.getConnection(ConsiliumTestInfrastructure.jdbcUrl(),
                ConsiliumTestInfrastructure.username(), ConsiliumTestInfrastructure.password());
                Connection observer = DriverManager.getConnection(ConsiliumTestInfrastructure.jdbcUrl(),
                        ConsiliumTestInfrastructure.username(), ConsiliumTestInfrastructure.password())) {
            // another booking holds Monday 09:00 of Jeroen Smit, not yet committed: the search cannot see it
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement("""
                    insert into appointment (booking_id, consult_id, version, referral_id, patient_id, specialist_agb,
                        specialist_name, specialty, starts_at, ends_at, within_deadline, booked_at)
                    values (?, ?, 0, ?, ?, '03111111', 'Jeroen Smit', 'cardiology', ?, ?, true, now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, UUID.randomUUID());
                insert.setObject(4, UUID.randomUUID());
                insert.setObject(5, OffsetDateTime.ofInstant(nine, ZoneOffset.UTC));
                insert.setObject(6, OffsetDateTime.ofInstant(nine.plus(Duration.ofMinutes(30)), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            Future<BookingOutcome> outcome = pool.submit(() -> scheduling.book(intake));
            // wait until the booking's insert waits for the rival's
            await().atMost(WAIT).until(() -> {
                try (var waiting = observer.createStatement().executeQuery("""
                        select count(*) from pg_stat_activity where pid <> pg_backend_pid()
                        and wait_event_type = 'Lock' and query like '%insert into appointment%'""")) {
                    waiting.next();
                    return waiting.getInt(1) > 0;
                }
            });
            rival.commit();
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(BookingOutcome.BOOKED);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(200).body("specialistAgb", is(SMIT))
                .body("startsAt", is(nine.plus(Duration.ofMinutes(30)).toString()));
        assertThat(metrics.counter("consilium.scheduling.slot.conflicts").count()).isGreaterThan(conflictsBefore);
        ConsultScheduled scheduled = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED,
                intake.referralId().toString(), WAIT).dataAs(ConsultScheduled.class);
        assertThat(scheduled.startsAt()).isEqualTo(nine.plus(Duration.ofMinutes(30)));
    }

    @Test
    void withoutAnIndependentSpecialistMatchingFailsAndTheCaseGoesOnTheCoordinatorsList() {
        // Thomas Dekker, the only orthopaedic surgeon, works at the treating hospital; nobody does dermatology
        IntakeCompleted orthopaedics = intake("orthopaedics", WEST, freshFriday());
        IntakeCompleted dermatology = intake("dermatology", OOST, freshFriday());
        TestKafka.publish(envelope(orthopaedics));
        TestKafka.publish(envelope(dermatology));

        MatchingFailed failed = TestKafka.awaitEvent(EventType.MATCHING_FAILED, orthopaedics.referralId().toString(),
                WAIT).dataAs(MatchingFailed.class);
        assertThat(failed.reason()).isEqualTo(MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);
        assertThat(failed.specialty()).isEqualTo("orthopaedics");
        assertThat(failed.patientId()).isEqualTo(orthopaedics.patientId());
        assertThat(failed.consultDueOn()).isEqualTo(orthopaedics.consultDueOn());
        assertThat(TestKafka.awaitEvent(EventType.MATCHING_FAILED, dermatology.referralId().toString(), WAIT)
                .dataAs(MatchingFailed.class).reason()).isEqualTo(MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);

        String entry = "items.find { it.referralId == '%s' }".formatted(orthopaedics.referralId());
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?size=200").then().statusCode(200)
                .body("items.referralId", hasItem(orthopaedics.referralId().toString()))
                .body("items.referralId", hasItem(dermatology.referralId().toString()))
                .body(entry + ".specialty", is("orthopaedics"))
                .body(entry + ".status", is("MATCHING_FAILED"))
                .body(entry + ".failureReason", is("NO_INDEPENDENT_SPECIALIST"))
                .body(entry + ".patientId", is(orthopaedics.patientId().toString()))
                .body(entry + ".reason", is("No active orthopaedics specialist who speaks nl and is independent"
                        + " of the treating hospital and specialist"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", orthopaedics.referralId())
                .then().statusCode(200)
                .body("matchings[0].outcome", is("MATCHING_FAILED"))
                .body("matchings[0].failureReason", is("NO_INDEPENDENT_SPECIALIST"))
                .body("matchings[0].rationale.candidates.find { it.specialistAgb == '%s' }.excludedBecause"
                        .formatted(DEKKER), is("NOT_INDEPENDENT"))
                .body("matchings[0].rationale.chosen", is((Object) null));

        assertThat(count("select count(*) from appointment where referral_id = ?1", orthopaedics.referralId()))
                .isZero();
        assertThat(TestKafka.events(EventType.CONSULT_SCHEDULED, orthopaedics.referralId().toString(),
                Duration.ofSeconds(3))).isEmpty();
        assertThat(TestKafka.allRecords(Topics.deadLetter("scheduling"), Duration.ZERO))
                .noneMatch(r -> orthopaedics.referralId().toString().equals(r.key()));
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", orthopaedics.referralId())
                .then().statusCode(404);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "poison-" + System.nanoTime();
        TestKafka.send(Topics.INTAKE, key, "{\"specversion\":\"1.0\",\"type\":\"nl.consilium.intake.IntakeCompleted.v1\"}");
        String notJson = "not-json-" + System.nanoTime();
        TestKafka.send(Topics.INTAKE, notJson, "this is not an event");
        assertThat(TestKafka.awaitRecords(Topics.deadLetter("scheduling"), r -> key.equals(r.key()), 1, WAIT))
                .hasSize(1);
        var dead = TestKafka.awaitRecords(Topics.deadLetter("scheduling"), r -> notJson.equals(r.key()), 1, WAIT);
        assertThat(dead.getFirst().value()).isEqualTo("this is not an event");

        IntakeCompleted after = intake("cardiology", OOST, freshFriday());
        TestKafka.publish(envelope(after));
        TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, after.referralId().toString(), WAIT);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?size=200").then().statusCode(200)
                .body("items.referralId", not(hasItem(after.referralId().toString())));
    }
}
