package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.DEKKER;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.NOORD;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.EventCodec;
import nl.consilium.events.Topics;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.scheduling.service.SchedulingService;
import nl.consilium.scheduling.service.SchedulingService.BookingOutcome;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The scheduling API over HTTP: roles, scoping to the specialist's own consults, and the audit trail. */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class SchedulingApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SchedulingService scheduling;

    @Inject
    EntityManager entityManager;

    /** A consult booked with Jeroen Smit (the only cardiologist outside Ziekenhuis Noord). */
    private IntakeCompleted bookedWithSmit() {
        IntakeCompleted intake = intake("cardiology", NOORD, freshFriday());
        assertThat(scheduling.book(intake)).isEqualTo(BookingOutcome.BOOKED);
        return intake;
    }

    private List<Object[]> auditRows(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, user_subject, user_roles, outcome, client_address, resource from audit_log"
                                + " where patient_id = ?1 order by occurred_at")
                .setParameter(1, patientId).getResultList());
    }

    @Test
    void theCoordinatorReadsTheBookingAndTheReadIsAuditedAndPublished() {
        IntakeCompleted intake = bookedWithSmit();
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(200)
                .body("consultId", notNullValue())
                .body("referralId", is(intake.referralId().toString()))
                .body("specialistAgb", is(SMIT))
                .body("specialistName", is("Jeroen Smit"))
                .body("specialty", is("cardiology"))
                .body("startsAt", notNullValue())
                .body("endsAt", notNullValue())
                .body("consultDueOn", is(intake.consultDueOn().toString()))
                .body("withinDeadline", is(true))
                .body("patient", is((Object) null));

        List<Object[]> rows = auditRows(intake.patientId());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()[0]).isEqualTo("appointment.read");
        assertThat(rows.getFirst()[1]).isEqualTo("coordinator");
        assertThat((String) rows.getFirst()[2]).contains("coordinator");
        assertThat(rows.getFirst()[3]).isEqualTo("SUCCESS");
        assertThat(rows.getFirst()[4]).isNotNull();
        assertThat(rows.getFirst()[5]).isEqualTo("appointment/" + intake.referralId());

        var audit = TestKafka.awaitRecords(Topics.AUDIT, r -> intake.patientId().toString().equals(r.key()), 1, WAIT)
                .getFirst();
        AuditRecorded recorded = EventCodec.decode(audit.value()).orElseThrow().dataAs(AuditRecorded.class);
        assertThat(recorded.action()).isEqualTo("appointment.read");
        assertThat(recorded.service()).isEqualTo("scheduling");
        assertThat(recorded.referralId()).isEqualTo(intake.referralId());
    }

    @Test
    void aSpecialistReadsOnlyTheirOwnBookingOthersGetNotFoundAndTheRefusalIsAudited() {
        IntakeCompleted intake = bookedWithSmit();
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(200).body("specialistAgb", is(SMIT));
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology")).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(Tokens.withRoles("specialist-without-agb", Map.of(), Tokens.SPECIALIST))
                .get("/api/appointments/{id}", intake.referralId()).then().statusCode(404);

        List<Object[]> rows = auditRows(intake.patientId());
        assertThat(rows).extracting(r -> r[1] + " " + r[3]).containsExactly(
                "specialist-" + SMIT + " SUCCESS", "specialist-" + MULDER + " DENIED",
                "specialist-without-agb DENIED");
    }

    @Test
    void aSpecialistSeesTheirOwnAgendaSoonestFirst() {
        Instant soonerFriday = freshFriday();
        Instant laterFriday = freshFriday();
        IntakeCompleted sooner = intake("cardiology", NOORD, soonerFriday);
        IntakeCompleted later = intake("cardiology", NOORD, laterFriday);
        // "later" is booked first
        assertThat(scheduling.book(later)).isEqualTo(BookingOutcome.BOOKED);
        assertThat(scheduling.book(sooner)).isEqualTo(BookingOutcome.BOOKED);
        String range = "?from=" + IntakeFixtures.dateOf(soonerFriday) + "&to=" + IntakeFixtures.dateOf(laterFriday).plusDays(10);

        List<String> mine = given().auth().oauth2(Tokens.specialist(SMIT, "cardiology"))
                .get("/api/scheduling/specialists/me/agenda" + range).then().statusCode(200)
                .body("find { it.referralId == '%s' }.patientId".formatted(later.referralId()),
                        is(later.patientId().toString()))
                .extract().jsonPath().getList("referralId", String.class);
        assertThat(mine).contains(later.referralId().toString(), sooner.referralId().toString());
        assertThat(mine.indexOf(sooner.referralId().toString())).isLessThan(mine.indexOf(later.referralId().toString()));
        assertThat(auditRows(later.patientId())).extracting(r -> (String) r[0]).containsExactly("appointment.search");

        // the coordinator reads the same agenda by AGB code
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/specialists/{agb}/agenda" + range, SMIT)
                .then().statusCode(200).body("referralId", hasItem(later.referralId().toString()));
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology")).get("/api/scheduling/specialists/me/agenda" + range)
                .then().statusCode(200).body("referralId", not(hasItem(later.referralId().toString())));
        given().auth().oauth2(Tokens.specialist(DEKKER, "orthopaedics"))
                .get("/api/scheduling/specialists/me/agenda" + range).then().statusCode(200).body("$", empty());
        // another specialist's agenda: as if there were none
        given().auth().oauth2(Tokens.specialist(MULDER, "cardiology"))
                .get("/api/scheduling/specialists/{agb}/agenda" + range, SMIT).then().statusCode(404);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/specialists/me/agenda").then().statusCode(403);
        given().auth().oauth2(Tokens.nurse()).get("/api/scheduling/specialists/{agb}/agenda", SMIT).then().statusCode(403);
        // more than twelve weeks at once is refused
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology"))
                .get("/api/scheduling/specialists/me/agenda?from=2031-01-01&to=2031-06-01").then().statusCode(400)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:invalid-range"));
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology"))
                .get("/api/scheduling/specialists/me/agenda?from=yesterday").then().statusCode(400)
                .body("type", is("urn:consilium:problem:validation-failed"));
    }

    @Test
    void theCoordinatorSeesTheRegistry() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/specialists?size=200").then().statusCode(200)
                .body("items.agb", hasItems(SMIT, MULDER, DEKKER))
                .body("items.find { it.agb == '03222222' }.name", is("Eva Mulder"))
                .body("items.find { it.agb == '03222222' }.organisations.name", contains("Ziekenhuis Noord"))
                .body("items.find { it.agb == '03333333' }.specialty", is("orthopaedics"));
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get("/api/scheduling/specialists")
                .then().statusCode(403).body("type", is("urn:consilium:problem:forbidden"));
    }

    @Test
    void rolesAndTokensAreChecked() {
        IntakeCompleted intake = bookedWithSmit();
        given().auth().oauth2(Tokens.gp("01123456")).get("/api/appointments/{id}", intake.referralId())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(Tokens.nurse()).get("/api/appointments/{id}", intake.referralId()).then().statusCode(403);
        given().get("/api/appointments/{id}", intake.referralId()).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.signedByAnotherKey("coordinator", "coordinator"))
                .get("/api/appointments/{id}", intake.referralId()).then().statusCode(401);
        given().auth().oauth2(Tokens.expired("coordinator", "coordinator")).get("/api/scheduling/specialists")
                .then().statusCode(401);
        given().get("/api/scheduling/specialists/me/agenda").then().statusCode(401);
        given().auth().oauth2(Tokens.specialist(SMIT, "cardiology")).get("/api/scheduling/requests").then().statusCode(403);
        given().auth().oauth2(Tokens.nurse()).get("/api/scheduling/specialists").then().statusCode(403);
        given().auth().oauth2(Tokens.gp("01123456")).get("/api/scheduling/requests/{id}", intake.referralId())
                .then().statusCode(403);
        // refused by role: nothing about the patient was read or audited
        assertThat(auditRows(intake.patientId())).isEmpty();
    }

    @Test
    void unknownReferralsAndBadParametersAreProblemsNotServerErrors() {
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/appointments/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests?status=MAYBE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"))
                .body("errors.field", hasItem("status"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", notNullValue())
                .body("paths.'/api/appointments/{referralId}'", notNullValue())
                .body("paths.'/api/scheduling/specialists/{agb}/slots'", notNullValue())
                .body("paths.'/api/scheduling/requests/{referralId}/assignment'", notNullValue());
        given().get("/q/metrics").then().statusCode(200);
    }
}
