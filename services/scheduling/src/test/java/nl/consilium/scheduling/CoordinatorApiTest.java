package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.AMSTERDAM;
import static nl.consilium.scheduling.IntakeFixtures.DEKKER;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.NOORD;
import static nl.consilium.scheduling.IntakeFixtures.OOST;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.WEST;
import static nl.consilium.scheduling.IntakeFixtures.cancellation;
import static nl.consilium.scheduling.IntakeFixtures.dateOf;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static nl.consilium.scheduling.IntakeFixtures.mondayAfter;
import static nl.consilium.scheduling.RegistryFixtures.newAgb;
import static nl.consilium.scheduling.RegistryFixtures.newOrganisation;
import static nl.consilium.scheduling.RegistryFixtures.profile;
import static nl.consilium.scheduling.RegistryFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.EventType;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.scheduling.service.SchedulingService;
import nl.consilium.scheduling.service.SchedulingService.BookingOutcome;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The coordinator over HTTP: assigning a specialist and slot by hand (the engine's checks; after the
 * deadline only with an explicit, recorded override), rescheduling by the rules or by hand, and
 * cancelling at the patient's or specialist's request; each published, each freeing its slot for
 * another referral; and nobody else may. (Registered specialists here: pulmonology.)
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class CoordinatorApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUEST = "/api/scheduling/requests/{id}";

    @Inject
    SchedulingService scheduling;

    @Inject
    EntityManager entityManager;

    private static Map<String, Object> choice(String agb, Instant startsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("specialistAgb", agb);
        body.put("startsAt", startsAt.toString());
        return body;
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(AMSTERDAM).toInstant();
    }

    @Test
    void aSlotAfterTheDeadlineIsAssignedOnlyWithAnExplicitRecordedOverride() {
        Instant friday = freshFriday();
        // due on the Friday itself: matching finds nothing before the deadline
        IntakeCompleted intake = intake("cardiology", NOORD, friday, dateOf(friday));
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.MATCHING_FAILED);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?size=200").then().statusCode(200)
                .body("items.find { it.referralId == '%s' }.status".formatted(intake.referralId()),
                        is("MATCHING_FAILED"));
        Instant monday = mondayAfter(friday, LocalTime.of(9, 0));

        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(choice(SMIT, monday))
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:assignment-refused"))
                .body("violations", hasSize(1))
                .body("violations[0]", containsString("AFTER_DEADLINE"));
        Map<String, Object> noReason = choice(SMIT, monday);
        noReason.put("overrideDeadline", true);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(noReason)
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(400)
                .body("type", is("urn:consilium:problem:validation-failed"));
        // nothing was booked by the refused attempts
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(404);

        Map<String, Object> override = choice(SMIT, monday);
        override.put("overrideDeadline", true);
        override.put("overrideReason", "Patient asked for Monday; agreed with the GP");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(override)
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(201)
                .header("Location", endsWith("/api/appointments/" + intake.referralId()))
                .body("specialistAgb", is(SMIT))
                .body("startsAt", is(monday.toString()))
                .body("endsAt", is(monday.plus(Duration.ofMinutes(30)).toString()))
                .body("assignedBy", is("COORDINATOR"))
                .body("deadlineOverridden", is(true))
                .body("withinDeadline", is(false));

        ConsultScheduled announced = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, intake.referralId().toString(),
                WAIT).dataAs(ConsultScheduled.class);
        assertThat(announced.assignedBy()).isEqualTo("COORDINATOR");
        assertThat(announced.deadlineOverridden()).isTrue();
        assertThat(announced.startsAt()).isEqualTo(monday);
        // recorded: who, when, why
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, intake.referralId()).then().statusCode(200)
                .body("status", is("BOOKED"))
                .body("bookings", hasSize(1))
                .body("bookings[0].assignedBy", is("COORDINATOR"))
                .body("bookings[0].assignedByUser", is("coordinator"))
                .body("bookings[0].bookedAt", org.hamcrest.Matchers.notNullValue())
                .body("bookings[0].deadlineOverridden", is(true))
                .body("bookings[0].overrideReason", is("Patient asked for Monday; agreed with the GP"));
        // a second assignment: it is booked already
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(override)
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(409)
                .body("type", is("urn:consilium:problem:already-booked"));
    }

    @Test
    void anAssignmentWithinTheRulesNeedsNoOverrideAndBrokenRulesAreAllListed() {
        String hospital = newOrganisation("Longziekenhuis");
        String pulmonologist = register(profile(newAgb(), "pulmonology", List.of(hospital)));
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        // no consult hours: matching fails
        IntakeCompleted intake = intake("pulmonology", OOST, friday);
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.MATCHING_FAILED);

        // every broken rule is named: another specialty, not independent, no such slot, a holiday-free Saturday
        Map<String, Object> wrong = choice(DEKKER, at(monday.plusDays(5), 10, 0));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(wrong)
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(422)
                .body("violations", hasItem(containsString("OTHER_SPECIALTY")))
                .body("violations", hasItem(containsString("NOT_IN_AVAILABILITY")));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(choice("03999999", at(monday, 10, 0)))
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(422)
                .body("violations[0]", containsString("UNKNOWN_SPECIALIST"));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(choice(pulmonologist, at(monday, 10, 0)))
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(422)
                .body("violations", hasItem(containsString("NOT_IN_AVAILABILITY")));

        // the coordinator gives the pulmonologist Monday morning, then assigns: within the rules
        RegistryFixtures.addition(pulmonologist, monday, "10:00", "11:00");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(choice(pulmonologist, at(monday, 10, 0)))
                .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(201)
                .body("assignedBy", is("COORDINATOR"))
                .body("deadlineOverridden", is(false))
                .body("withinDeadline", is(true));
        ConsultScheduled announced = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, intake.referralId().toString(),
                WAIT).dataAs(ConsultScheduled.class);
        assertThat(announced.deadlineOverridden()).isFalse();
        assertThat(announced.specialistAgb()).isEqualTo(pulmonologist);

        // the slot is the referral's: another referral cannot have it
        IntakeCompleted another = intake("pulmonology", OOST, friday);
        assertThat(scheduling.book(another)).isEqualTo(BookingOutcome.BOOKED);
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", another.referralId())
                .then().statusCode(200).body("startsAt", is(at(monday, 10, 30).toString()));
    }

    @Test
    void aRescheduleByTheRulesMovesTheConsultAndFreesItsSlot() {
        Instant friday = freshFriday();
        Instant nine = mondayAfter(friday, LocalTime.of(9, 0));
        IntakeCompleted intake = intake("cardiology", NOORD, friday);   // Jeroen Smit, Monday 09:00
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.BOOKED);
        UUID consultId = TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, intake.referralId().toString(), WAIT)
                .dataAs(ConsultScheduled.class).consultId();

        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("requestedBy", "PATIENT", "reason", "Patient cannot make it"))
                .post(REQUEST + "/reschedule", intake.referralId()).then().statusCode(200)
                .body("consultId", is(consultId.toString()))
                .body("specialistAgb", is(SMIT))
                .body("startsAt", is(nine.plus(Duration.ofMinutes(30)).toString()))
                .body("status", is("BOOKED"));
        ConsultRescheduled moved = TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, intake.referralId().toString(),
                WAIT).dataAs(ConsultRescheduled.class);
        assertThat(moved.consultId()).isEqualTo(consultId);
        assertThat(moved.requestedBy()).isEqualTo("PATIENT");
        assertThat(moved.previousSpecialistAgb()).isEqualTo(SMIT);
        assertThat(moved.previousStartsAt()).isEqualTo(nine);
        assertThat(moved.startsAt()).isEqualTo(nine.plus(Duration.ofMinutes(30)));

        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, intake.referralId()).then().statusCode(200)
                .body("bookings.status", org.hamcrest.Matchers.contains("RESCHEDULED", "BOOKED"))
                .body("bookings[0].rescheduleRequestedBy", is("PATIENT"))
                .body("bookings[0].rescheduleReason", is("Patient cannot make it"))
                .body("matchings.purpose", org.hamcrest.Matchers.contains("INTAKE", "RESCHEDULE"))
                .body("matchings[1].rationale.input.excludedSlots", hasItem(SMIT + "@" + nine));
        // Monday 09:00 is free again: the next referral of that week gets it
        IntakeCompleted next = intake("cardiology", NOORD, friday);
        assertThat(scheduling.book(next)).isEqualTo(BookingOutcome.BOOKED);
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", next.referralId())
                .then().statusCode(200).body("specialistAgb", is(SMIT)).body("startsAt", is(nine.toString()));
    }

    @Test
    void aRescheduleByHandIsCheckedLikeAnAssignment() {
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);
        IntakeCompleted intake = intake("cardiology", OOST, friday);   // Jeroen Smit, Monday 09:00
        IntakeCompleted other = intake("cardiology", OOST, friday);    // Eva Mulder, Monday 09:00
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.BOOKED);
        assertThat(scheduling.book(other)).isEqualTo(BookingOutcome.BOOKED);

        Map<String, Object> same = choice(SMIT, at(monday, 9, 0));
        same.put("requestedBy", "SPECIALIST");
        same.put("reason", "Clinic overrun");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(same)
                .post(REQUEST + "/reschedule", intake.referralId()).then().statusCode(422)
                .body("violations[0]", containsString("SAME_SLOT"));
        Map<String, Object> taken = choice(MULDER, at(monday, 9, 0));
        taken.put("requestedBy", "SPECIALIST");
        taken.put("reason", "Clinic overrun");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(taken)
                .post(REQUEST + "/reschedule", intake.referralId()).then().statusCode(422)
                .body("violations", hasItem(containsString("SLOT_TAKEN")));
        Map<String, Object> halfChoice = new HashMap<>(Map.of("requestedBy", "SPECIALIST", "reason", "x",
                "specialistAgb", MULDER));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(halfChoice)
                .post(REQUEST + "/reschedule", intake.referralId()).then().statusCode(400);

        Map<String, Object> tuesday = choice(MULDER, at(monday.plusDays(1), 11, 0));
        tuesday.put("requestedBy", "SPECIALIST");
        tuesday.put("reason", "Clinic overrun");
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body(tuesday)
                .post(REQUEST + "/reschedule", intake.referralId()).then().statusCode(200)
                .body("specialistAgb", is(MULDER))
                .body("startsAt", is(at(monday.plusDays(1), 11, 0).toString()))
                .body("assignedBy", is("COORDINATOR"));
        ConsultRescheduled moved = TestKafka.awaitEvent(EventType.CONSULT_RESCHEDULED, intake.referralId().toString(),
                WAIT).dataAs(ConsultRescheduled.class);
        assertThat(moved.specialistAgb()).isEqualTo(MULDER);
        assertThat(moved.previousSpecialistAgb()).isEqualTo(SMIT);
        assertThat(moved.requestedBy()).isEqualTo("SPECIALIST");
        // Smit's Monday 09:00 is free; Mulder's Tuesday 11:00 is booked
        given().auth().oauth2(Tokens.coordinator())
                .get("/api/scheduling/specialists/{agb}/slots?from=" + monday + "&to=" + monday.plusDays(1), SMIT)
                .then().statusCode(200)
                .body("slots.find { it.startsAt == '%s' }.booked".formatted(at(monday, 9, 0)), is(false));
        given().auth().oauth2(Tokens.coordinator())
                .get("/api/scheduling/specialists/{agb}/slots?from=" + monday + "&to=" + monday.plusDays(1), MULDER)
                .then().statusCode(200)
                .body("slots.find { it.startsAt == '%s' }.booked".formatted(at(monday.plusDays(1), 11, 0)), is(true));
    }

    @Test
    void aCancelledConsultFreesItsSlotAndClosesTheRequest() {
        Instant friday = freshFriday();
        Instant nine = mondayAfter(friday, LocalTime.of(9, 0));
        IntakeCompleted intake = intake("cardiology", NOORD, friday);
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.BOOKED);

        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("requestedBy", "SPECIALIST", "reason", "Specialist ill"))
                .post(REQUEST + "/cancellation", intake.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED")).body("cancelledBy", is("SPECIALIST"));
        ConsultCancelled cancelled = TestKafka.awaitEvent(EventType.CONSULT_CANCELLED, intake.referralId().toString(),
                WAIT).dataAs(ConsultCancelled.class);
        assertThat(cancelled.cancelledBy()).isEqualTo("SPECIALIST");
        assertThat(cancelled.reason()).isEqualTo("Specialist ill");
        assertThat(cancelled.startsAt()).isEqualTo(nine);
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, intake.referralId()).then().statusCode(200)
                .body("status", is("CANCELLED")).body("cancelledBy", is("SPECIALIST"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(200).body("status", is("CANCELLED"));

        // again, or moving it now: there is nothing booked
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("requestedBy", "PATIENT", "reason", "again"))
                .post(REQUEST + "/cancellation", intake.referralId()).then().statusCode(409);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("requestedBy", "PATIENT", "reason", "again"))
                .post(REQUEST + "/reschedule", intake.referralId()).then().statusCode(409);
        // the slot is free for the next referral
        IntakeCompleted next = intake("cardiology", NOORD, friday);
        assertThat(scheduling.book(next)).isEqualTo(BookingOutcome.BOOKED);
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", next.referralId())
                .then().statusCode(200).body("startsAt", is(nine.toString()));
    }

    @Test
    void nothingCanBeDoneForACancelledReferralOrOneThatIsNotBooked() {
        IntakeCompleted failedOne = intake("orthopaedics", WEST, freshFriday());
        assertThat(scheduling.book(failedOne)).isEqualTo(BookingOutcome.MATCHING_FAILED);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("requestedBy", "PATIENT", "reason", "r"))
                .post(REQUEST + "/reschedule", failedOne.referralId()).then().statusCode(409)
                .body("type", is("urn:consilium:problem:not-booked"));
        scheduling.cancel(cancellation(failedOne.referralId(), Instant.parse("2026-11-24T10:00:00Z")));
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(choice(DEKKER, mondayAfter(Instant.now(), LocalTime.of(9, 0))))
                .post(REQUEST + "/assignment", failedOne.referralId()).then().statusCode(409)
                .body("type", is("urn:consilium:problem:request-cancelled"));
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON)
                .body(choice(SMIT, Instant.now())).post(REQUEST + "/assignment", UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void onlyTheCoordinatorSeesTheListAndActsAndEveryReadIsAudited() {
        IntakeCompleted intake = intake("orthopaedics", WEST, freshFriday());
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.MATCHING_FAILED);
        for (String token : List.of(Tokens.specialist(SMIT, "cardiology"), Tokens.nurse(), Tokens.gp("01123456"))) {
            given().auth().oauth2(token).get("/api/scheduling/requests").then().statusCode(403);
            given().auth().oauth2(token).get(REQUEST, intake.referralId()).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(choice(SMIT, Instant.now()))
                    .post(REQUEST + "/assignment", intake.referralId()).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("requestedBy", "PATIENT", "reason", "r"))
                    .post(REQUEST + "/cancellation", intake.referralId()).then().statusCode(403);
        }
        assertThat(auditActions(intake.patientId())).isEmpty();
        given().auth().oauth2(Tokens.coordinator()).get(REQUEST, intake.referralId()).then().statusCode(200);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?size=200").then().statusCode(200)
                .body("items.referralId", hasItem(intake.referralId().toString()))
                .body("items.status", not(hasItem("BOOKED")));
        assertThat(auditActions(intake.patientId())).contains("consult-request.read", "consult-request.search");
    }

    private List<String> auditActions(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audit_log where patient_id = ?1 order by occurred_at", String.class)
                .setParameter(1, patientId).getResultList());
    }
}
