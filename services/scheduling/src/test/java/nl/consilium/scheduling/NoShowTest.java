package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.AMSTERDAM;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.NOORD;
import static nl.consilium.scheduling.IntakeFixtures.OOST;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.cancellation;
import static nl.consilium.scheduling.IntakeFixtures.dateOf;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static nl.consilium.scheduling.IntakeFixtures.mondayAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
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
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.ConsultRescheduled;
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
 * ConsultNoShow from Kafka (topic consilium.consult): the first no-show of a referral plans the consult
 * again by the matching rules (same consult id, ConsultRescheduled requested by the patient), or puts it
 * on the coordinator's list when nothing fits before the original deadline; the second one puts it on
 * the coordinator's list without matching, where the coordinator assigns by hand. Scheduling counts
 * the no-shows itself; a redelivered no-show and one of a cancelled referral change nothing; poison
 * goes to the DLQ. The bookings are set up through the service, the no-shows come over Kafka, the
 * outcome is read over HTTP, on Kafka and in the outbox.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class NoShowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUEST = "/api/scheduling/requests/{id}";
    private static final String APPOINTMENT = "/api/appointments/{id}";

    @Inject
    SchedulingService scheduling;

    @Inject
    EntityManager entityManager;

    /** The booked consult of a referral, as the API shows it. */
    private record Booked(UUID referralId, UUID patientId, UUID consultId, String specialistAgb, Instant startsAt) {
    }

    private Booked book(IntakeCompleted intake) {
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.BOOKED);
        var body = given().auth().oauth2(Tokens.coordinator()).get(APPOINTMENT, intake.referralId()).then()
                .statusCode(200).body("status", is("BOOKED")).extract().jsonPath();
        return new Booked(intake.referralId(), intake.patientId(), UUID.fromString(body.getString("consultId")),
                body.getString("specialistAgb"), Instant.parse(body.getString("startsAt")));
    }

    /** Consult's ConsultNoShow for a booking, recorded a quarter of an hour after its start. */
    private static EventEnvelope<ConsultNoShow> noShow(Booked booked, Instant startsAt, int noShows) {
        return EventEnvelope.of(new ConsultNoShow(booked.referralId(), booked.consultId(), booked.patientId(),
                booked.specialistAgb(), startsAt, startsAt.plus(Duration.ofMinutes(15)), noShows), "consult",
                Instant.now());
    }

    private static EventEnvelope<ConsultNoShow> noShow(Booked booked, int noShows) {
        return noShow(booked, booked.startsAt(), noShows);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(AMSTERDAM).toInstant();
    }

    @Test
    void theFirstNoShowBooksANewSlotByTheRulesAndAnnouncesConsultRescheduled() {
        Instant friday = freshFriday();
        Instant nine = mondayAfter(friday, LocalTime.of(9, 0));
        // only Jeroen Smit is independent of Ziekenhuis Noord: Monday 09:00
        Booked booked = book(intake("cardiology", NOORD, friday));
        assertThat(booked.startsAt()).isEqualTo(nine);

        TestKafka.publish(noShow(booked, 1));

        // recorded Monday 09:15: one working day of lead time → the first slot from Tuesday 09:15 is 09:30
        Instant tuesday = at(dateOf(friday).plusDays(4), 9, 30);
        ConsultRescheduled moved = TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED,
                booked.referralId().toString(), WAIT).dataAs(ConsultRescheduled.class);
        assertThat(moved.consultId()).isEqualTo(booked.consultId());
        assertThat(moved.patientId()).isEqualTo(booked.patientId());
        assertThat(moved.requestedBy()).isEqualTo("PATIENT");
        assertThat(moved.previousSpecialistAgb()).isEqualTo(SMIT);
        assertThat(moved.previousStartsAt()).isEqualTo(nine);
        assertThat(moved.specialistAgb()).isEqualTo(SMIT);
        assertThat(moved.startsAt()).isEqualTo(tuesday);
        assertThat(moved.endsAt()).isEqualTo(tuesday.plus(Duration.ofMinutes(30)));

        given().auth().oauth2(Tokens.coordinator()).get(APPOINTMENT, booked.referralId()).then().statusCode(200)
                .body("consultId", is(booked.consultId().toString()))
                .body("status", is("BOOKED"))
                .body("startsAt", is(tuesday.toString()))
                .body("assignedBy", is("MATCHING"));
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, booked.referralId()).then().statusCode(200)
                .body("status", is("BOOKED"))
                .body("noShows", is(1))
                .body("bookings.status", contains("NO_SHOW", "BOOKED"))
                .body("bookings[0].noShowAt", is(nine.plus(Duration.ofMinutes(15)).toString()))
                .body("bookings[1].consultId", is(booked.consultId().toString()))
                .body("matchings.purpose", contains("INTAKE", "NO_SHOW"))
                .body("matchings[1].outcome", is("BOOKED"))
                .body("matchings[1].rationale.input.excludedSlots", hasItem(SMIT + "@" + nine));
        // booked again: not on the coordinator's list
        assertThat(onTheCoordinatorsList(booked.referralId())).isNull();
        assertThat(published(EventType.MATCHING_FAILED, booked.referralId())).isZero();
    }

    @Test
    void aRedeliveredNoShowChangesNothing() {
        Instant friday = freshFriday();
        Booked booked = book(intake("cardiology", NOORD, friday));     // Jeroen Smit, Monday 09:00
        Booked other = book(intake("cardiology", OOST, friday));       // Eva Mulder, Monday 09:00
        assertThat(other.specialistAgb()).isEqualTo(MULDER);
        EventEnvelope<ConsultNoShow> first = noShow(booked, 1);
        TestKafka.publish(first);
        TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, booked.referralId().toString(), WAIT);

        // the same event again, and the same fact under another event id (consult's relay, a replay)
        TestKafka.publish(first);
        TestKafka.publish(noShow(booked, 1));
        // a no-show of another referral behind them on the same partition proves they were consumed
        String key = booked.referralId().toString();
        TestKafka.send(Topics.CONSULT, key, IntakeFixtures.json(noShow(other, 1)));
        TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, other.referralId().toString(), WAIT);

        assertThat(published(EventType.CONSULT_RESCHEDULED, booked.referralId())).isEqualTo(1);
        assertThat(published(EventType.MATCHING_FAILED, booked.referralId())).isZero();
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, booked.referralId()).then().statusCode(200)
                .body("status", is("BOOKED"))
                .body("noShows", is(1))
                .body("bookings.status", contains("NO_SHOW", "BOOKED"))
                .body("matchings.purpose", contains("INTAKE", "NO_SHOW"));
    }

    @Test
    void theSecondNoShowPutsTheRequestOnTheCoordinatorsListWhoAssignsByHand() {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        Booked booked = book(intake("cardiology", NOORD, friday));
        TestKafka.publish(noShow(booked, 1));
        Instant tuesday = TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, booked.referralId().toString(), WAIT)
                .dataAs(ConsultRescheduled.class).startsAt();

        TestKafka.publish(noShow(booked, tuesday, 2));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                .get(REQUEST, booked.referralId()).then().statusCode(200).body("status", is("REPEATED_NO_SHOW")));
        // on the coordinator's list (the default: the open requests), nothing booked
        Map<String, Object> item = onTheCoordinatorsList(booked.referralId());
        assertThat(item).isNotNull()
                .containsEntry("status", "REPEATED_NO_SHOW")
                .containsEntry("noShows", 2)
                .containsEntry("failureReason", null)
                .containsEntry("consult", null);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?status=REPEATED_NO_SHOW&size=200")
                .then().statusCode(200).body("items.referralId", hasItem(booked.referralId().toString()));
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, booked.referralId()).then().statusCode(200)
                .body("appointment", nullValue())
                .body("bookings.status", contains("NO_SHOW", "NO_SHOW"))
                .body("matchings.purpose", contains("INTAKE", "NO_SHOW"));
        given().auth().oauth2(Tokens.coordinator()).get(APPOINTMENT, booked.referralId()).then().statusCode(200)
                .body("status", is("NO_SHOW"))
                .body("startsAt", is(tuesday.toString()));
        assertThat(published(EventType.CONSULT_RESCHEDULED, booked.referralId())).isEqualTo(1);
        assertThat(published(EventType.CONSULT_SCHEDULED, booked.referralId())).isEqualTo(1);
        assertThat(published(EventType.MATCHING_FAILED, booked.referralId())).isZero();

        // the coordinator assigns by hand, as for any request on the list; the consult keeps its id
        Instant wednesday = at(monday.plusDays(2), 14, 0);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("specialistAgb", SMIT, "startsAt", wednesday.toString()))
                .post(REQUEST + "/assignment", booked.referralId()).then().statusCode(201)
                .body("consultId", is(booked.consultId().toString()))
                .body("startsAt", is(wednesday.toString()))
                .body("assignedBy", is("COORDINATOR"));
        List<ConsultScheduled> scheduled = TestKafka.awaitRecords(Topics.SCHEDULING,
                        r -> TestKafka.decode(r).filter(e -> e.data() instanceof ConsultScheduled s
                                && s.referralId().equals(booked.referralId())).isPresent(), 2, WAIT).stream()
                .map(r -> TestKafka.decode(r).orElseThrow().dataAs(ConsultScheduled.class)).toList();
        assertThat(scheduled).extracting(ConsultScheduled::consultId).containsOnly(booked.consultId());
        assertThat(scheduled.getLast().assignedBy()).isEqualTo("COORDINATOR");
        assertThat(scheduled.getLast().startsAt()).isEqualTo(wednesday);
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, booked.referralId()).then().statusCode(200)
                .body("status", is("BOOKED"))
                .body("noShows", is(2));
    }

    @Test
    void schedulingCountsTheNoShowsItselfAndTheHigherCountWins() {
        Instant friday = freshFriday();
        // the event says "first" but scheduling saw one before: the coordinator's
        Booked twice = book(intake("cardiology", NOORD, friday));
        TestKafka.publish(noShow(twice, 1));
        Instant moved = TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, twice.referralId().toString(), WAIT)
                .dataAs(ConsultRescheduled.class).startsAt();
        TestKafka.publish(noShow(twice, moved, 1));
        // the event says "second" though scheduling saw none (consult counted one scheduling never heard
        // of): no automatic rebooking either
        Booked counted = book(intake("cardiology", OOST, friday));
        TestKafka.publish(noShow(counted, 2));

        for (Booked booked : List.of(twice, counted)) {
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator())
                    .get(REQUEST, booked.referralId()).then().statusCode(200)
                    .body("status", is("REPEATED_NO_SHOW"))
                    .body("noShows", is(2)));
        }
        assertThat(published(EventType.CONSULT_RESCHEDULED, twice.referralId())).isEqualTo(1);
        assertThat(published(EventType.CONSULT_RESCHEDULED, counted.referralId())).isZero();
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, counted.referralId()).then().statusCode(200)
                .body("bookings.status", contains("NO_SHOW"))
                .body("matchings.purpose", contains("INTAKE"));
    }

    @Test
    void aFirstNoShowWithNoSlotLeftBeforeTheDeadlineGoesToTheCoordinatorWhoMayOverride() {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        // due on Monday: booked Monday 09:00; after the no-show the lead time reaches past the deadline
        Booked booked = book(intake("cardiology", NOORD, friday, monday));
        TestKafka.publish(noShow(booked, 1));

        MatchingFailed failed = TestKafka.awaitEvent(EventType.MATCHING_FAILED, booked.referralId().toString(), WAIT)
                .dataAs(MatchingFailed.class);
        assertThat(failed.reason()).isEqualTo(MatchingFailureReason.NONE_BEFORE_DEADLINE);
        assertThat(failed.consultDueOn()).isEqualTo(monday);
        assertThat(onTheCoordinatorsList(booked.referralId())).isNotNull()
                .containsEntry("status", "MATCHING_FAILED")
                .containsEntry("failureReason", "NONE_BEFORE_DEADLINE")
                .containsEntry("noShows", 1);
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, booked.referralId()).then().statusCode(200)
                .body("bookings.status", contains("NO_SHOW"))
                .body("matchings.purpose", contains("INTAKE", "NO_SHOW"))
                .body("matchings[1].outcome", is("MATCHING_FAILED"));
        assertThat(published(EventType.CONSULT_RESCHEDULED, booked.referralId())).isZero();

        // after the deadline only with an explicit override; the consult keeps its id
        Instant tuesday = at(monday.plusDays(1), 10, 0);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("specialistAgb", SMIT, "startsAt", tuesday.toString()))
                .post(REQUEST + "/assignment", booked.referralId()).then().statusCode(422)
                .body("violations[0]", org.hamcrest.Matchers.containsString("AFTER_DEADLINE"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("specialistAgb", SMIT, "startsAt", tuesday.toString(), "overrideDeadline", true,
                        "overrideReason", "Patient missed the consult; agreed with the GP"))
                .post(REQUEST + "/assignment", booked.referralId()).then().statusCode(201)
                .body("consultId", is(booked.consultId().toString()))
                .body("deadlineOverridden", is(true));
    }

    @Test
    void aNoShowOfACancelledReferralChangesNothing() {
        Instant friday = freshFriday();
        Booked booked = book(intake("cardiology", NOORD, friday));     // Jeroen Smit, Monday 09:00
        Booked other = book(intake("cardiology", OOST, friday));       // Eva Mulder, Monday 09:00
        scheduling.cancel(cancellation(booked.referralId(), Instant.parse("2026-11-24T10:00:00Z")));

        TestKafka.publish(noShow(booked, 1));
        // a no-show of another referral behind it on the same partition proves it was consumed
        TestKafka.send(Topics.CONSULT, booked.referralId().toString(), IntakeFixtures.json(noShow(other, 1)));
        TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, other.referralId().toString(), WAIT);

        assertThat(published(EventType.CONSULT_RESCHEDULED, booked.referralId())).isZero();
        assertThat(published(EventType.MATCHING_FAILED, booked.referralId())).isZero();
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, booked.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("noShows", is(0))
                .body("bookings.status", contains("CANCELLED"))
                .body("matchings.purpose", contains("INTAKE"));
        given().auth().oauth2(Tokens.coordinator()).get(APPOINTMENT, booked.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("cancelledBy", is("REFERRAL_CANCELLED"))
                .body("noShowAt", nullValue());
    }

    @Test
    void aNoShowThatCannotBeAppliedGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        Instant friday = freshFriday();
        Booked booked = book(intake("cardiology", NOORD, friday));
        String key = booked.referralId().toString();
        // without the consult it names, a no-show cannot be applied
        TestKafka.publish(EventEnvelope.of(new ConsultNoShow(booked.referralId(), null, booked.patientId(), SMIT,
                booked.startsAt(), booked.startsAt().plus(Duration.ofMinutes(15)), 1), "consult", Instant.now()));

        var dead = TestKafka.awaitRecords(Topics.deadLetter("scheduling"), r -> key.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        // the next one of the referral (same partition) is applied
        TestKafka.publish(noShow(booked, 1));
        TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, key, WAIT);
    }

    /**
     * The referral's item in the coordinator's list as it is shown by default (the open requests,
     * oldest first, paged through: the other tests leave many), or null when it is not on it.
     */
    private static Map<String, Object> onTheCoordinatorsList(UUID referralId) {
        for (int page = 0; ; page++) {
            var body = given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                if (referralId.toString().equals(item.get("referralId"))) {
                    return item;
                }
            }
            if (items.isEmpty() || (long) (page + 1) * 200 >= body.getLong("total")) {
                return null;
            }
        }
    }

    /** How many events of this type the service wrote to its outbox for the referral. */
    private long published(EventType type, UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_message where event_type = ?1 and message_key = ?2")
                .setParameter(1, type.wireName()).setParameter(2, referralId.toString()).getSingleResult())
                .longValue());
    }
}
