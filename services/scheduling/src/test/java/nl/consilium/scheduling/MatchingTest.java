package nl.consilium.scheduling;

import static io.restassured.RestAssured.given;
import static nl.consilium.scheduling.IntakeFixtures.AMSTERDAM;
import static nl.consilium.scheduling.IntakeFixtures.MULDER;
import static nl.consilium.scheduling.IntakeFixtures.OOST;
import static nl.consilium.scheduling.IntakeFixtures.SMIT;
import static nl.consilium.scheduling.IntakeFixtures.dateOf;
import static nl.consilium.scheduling.IntakeFixtures.envelope;
import static nl.consilium.scheduling.IntakeFixtures.freshFriday;
import static nl.consilium.scheduling.IntakeFixtures.intake;
import static nl.consilium.scheduling.IntakeFixtures.mondayAfter;
import static nl.consilium.scheduling.RegistryFixtures.newAgb;
import static nl.consilium.scheduling.RegistryFixtures.newOrganisation;
import static nl.consilium.scheduling.RegistryFixtures.profile;
import static nl.consilium.scheduling.RegistryFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Matching end to end: IntakeCompleted on Kafka, the engine's choice booked, ConsultScheduled or
 * MatchingFailed (each reason) on Kafka, and the rationale the coordinator reads. The rules themselves
 * are tested in domain/matching; here: that the service feeds the engine what the intake said and the
 * registry holds (focus area, language, treating hospital by name or alias, treating specialist,
 * patient availability, deadline), sees registry changes at once, and books each referral once.
 * (Specialty of the registered specialists here: gastroenterology, which no other test matches.)
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class MatchingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    private static ConsultScheduled scheduled(IntakeCompleted intake) {
        return TestKafka.awaitEvent(EventType.CONSULT_SCHEDULED, intake.referralId().toString(), WAIT)
                .dataAs(ConsultScheduled.class);
    }

    private static MatchingFailed failed(IntakeCompleted intake) {
        return TestKafka.awaitEvent(EventType.MATCHING_FAILED, intake.referralId().toString(), WAIT)
                .dataAs(MatchingFailed.class);
    }

    private static String candidate(String agb) {
        return "matchings[0].rationale.candidates.find { it.specialistAgb == '%s' }".formatted(agb);
    }

    @Test
    void aFocusAreaMatchWinsOverAnEarlierSlotAndALowerAgbCode() {
        Instant friday = freshFriday();
        IntakeCompleted intake = intake("cardiology", OOST, friday, dateOf(friday).plusDays(14), "nl", "Arrhythmia",
                null, List.of());
        TestKafka.publish(envelope(intake));

        ConsultScheduled booked = scheduled(intake);
        assertThat(booked.specialistAgb()).isEqualTo(MULDER);
        assertThat(booked.startsAt()).isEqualTo(mondayAfter(friday, LocalTime.of(9, 0)));
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", intake.referralId())
                .then().statusCode(200)
                .body("input.focusArea", is("Arrhythmia"))
                .body("matchings[0].rationale.candidates[0].specialistAgb", is(MULDER))
                .body(candidate(MULDER) + ".best.focusAreaMatch", is(true))
                .body(candidate(SMIT) + ".best.focusAreaMatch", is(false))
                .body("matchings[0].rationale.chosen.score.focusAreaMatch", is(true));
    }

    @Test
    void theTreatingSpecialistAndTheirOrganisationsAreExcluded() {
        Instant friday = freshFriday();
        // the treating hospital is unknown, but the treating specialist is Jeroen Smit
        IntakeCompleted intake = intake("cardiology", "Onbekend Ziekenhuis", friday, dateOf(friday).plusDays(14), null,
                null, SMIT, List.of());
        TestKafka.publish(envelope(intake));
        assertThat(scheduled(intake).specialistAgb()).isEqualTo(MULDER);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", intake.referralId())
                .then().statusCode(200)
                .body("input.treatingSpecialistAgb", is(SMIT))
                .body(candidate(SMIT) + ".excludedBecause", is("NOT_INDEPENDENT"));
    }

    @Test
    void aTreatingHospitalIsFoundByNameOrAliasAndRegistryChangesCountAtOnce() {
        String umc = newOrganisation("UMC Teststad", "UMCT");
        String elsewhere = newOrganisation("Ziekenhuis Elders");
        String atUmc = register(profile(newAgb(), "gastroenterology", List.of(umc)));
        String independent = register(profile(newAgb(), "gastroenterology", List.of(elsewhere)));
        Instant friday = freshFriday();
        LocalDate monday = dateOf(friday).plusDays(3);

        // nobody has consult hours yet: no slot before the deadline
        IntakeCompleted tooEarly = intake("gastroenterology", " umct ", friday, dateOf(friday).plusDays(14), "nl", null,
                null, List.of());
        TestKafka.publish(envelope(tooEarly));
        assertThat(failed(tooEarly).reason()).isEqualTo(MatchingFailureReason.NONE_BEFORE_DEADLINE);

        // both get Monday afternoon; the next referral from the UMC (by its alias, in other case and spacing)
        RegistryFixtures.addition(atUmc, monday, "13:00", "14:00");
        RegistryFixtures.addition(independent, monday, "14:00", "15:00");
        IntakeCompleted intake = intake("gastroenterology", "  umct ", friday, dateOf(friday).plusDays(14), "nl", null,
                null, List.of());
        TestKafka.publish(envelope(intake));
        ConsultScheduled booked = scheduled(intake);
        assertThat(booked.specialistAgb()).isEqualTo(independent);
        assertThat(booked.startsAt()).isEqualTo(monday.atTime(14, 0).atZone(AMSTERDAM).toInstant());
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", intake.referralId())
                .then().statusCode(200)
                .body("input.treatingOrganisations", hasItem(umc))
                .body(candidate(atUmc) + ".excludedBecause", is("NOT_INDEPENDENT"));

        // by its name the same; an inactive specialist is not matched at all
        given().auth().oauth2(Tokens.coordinator()).post("/api/scheduling/specialists/{agb}/deactivation", independent)
                .then().statusCode(200);
        IntakeCompleted byName = intake("gastroenterology", "UMC Teststad " + umc, friday, dateOf(friday).plusDays(14),
                "nl", null, null, List.of());
        TestKafka.publish(envelope(byName));
        assertThat(failed(byName).reason()).isEqualTo(MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", byName.referralId())
                .then().statusCode(200)
                .body(candidate(atUmc) + ".excludedBecause", is("NOT_INDEPENDENT"))
                .body(candidate(independent) + ".excludedBecause", is("INACTIVE"));
    }

    @Test
    void everyFailureReasonIsPublishedAndListed() {
        Instant friday = freshFriday();
        // nobody speaks German
        IntakeCompleted german = intake("cardiology", OOST, friday, dateOf(friday).plusDays(14), "de", null, null,
                List.of());
        // due on the Friday itself: the lead time leaves nothing before the deadline
        IntakeCompleted tooSoon = intake("cardiology", OOST, friday, dateOf(friday), null, null, null, List.of());
        // the patient can only on Saturdays
        IntakeCompleted saturdays = intake("cardiology", OOST, friday, dateOf(friday).plusDays(14), null, null, null,
                List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(12, 0))));
        for (IntakeCompleted intake : List.of(german, tooSoon, saturdays)) {
            TestKafka.publish(envelope(intake));
        }
        MatchingFailed noLanguage = failed(german);
        assertThat(noLanguage.reason()).isEqualTo(MatchingFailureReason.NO_INDEPENDENT_SPECIALIST);
        assertThat(noLanguage.consultDueOn()).isEqualTo(german.consultDueOn());
        assertThat(failed(tooSoon).reason()).isEqualTo(MatchingFailureReason.NONE_BEFORE_DEADLINE);
        assertThat(failed(saturdays).reason()).isEqualTo(MatchingFailureReason.NONE_IN_PATIENT_AVAILABILITY);

        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", german.referralId())
                .then().statusCode(200).body("status", is("MATCHING_FAILED"))
                .body(candidate(SMIT) + ".excludedBecause", is("LANGUAGE"))
                .body(candidate(MULDER) + ".excludedBecause", is("LANGUAGE"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", tooSoon.referralId())
                .then().statusCode(200).body("failureReason", is("NONE_BEFORE_DEADLINE"))
                .body(candidate(SMIT) + ".excludedBecause", is("NO_SLOT_BEFORE_DEADLINE"));
        given().auth().oauth2(Tokens.coordinator()).get("/api/scheduling/requests/{id}", saturdays.referralId())
                .then().statusCode(200).body("failureReason", is("NONE_IN_PATIENT_AVAILABILITY"))
                .body("input.patientAvailability[0].day", is("SATURDAY"))
                .body(candidate(MULDER) + ".excludedBecause", is("NO_SLOT_IN_PATIENT_AVAILABILITY"));
        List<String> open = given().auth().oauth2(Tokens.coordinator())
                .get("/api/scheduling/requests?status=MATCHING_FAILED&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.referralId", String.class);
        assertThat(open).contains(german.referralId().toString(), tooSoon.referralId().toString(),
                saturdays.referralId().toString());
    }

    @Test
    void thePatientsAvailabilityIsHonoured() {
        Instant friday = freshFriday();
        IntakeCompleted intake = intake("cardiology", OOST, friday, dateOf(friday).plusDays(14), "en", null, null,
                List.of(new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(15, 0))));
        TestKafka.publish(envelope(intake));
        ConsultScheduled booked = scheduled(intake);
        assertThat(booked.startsAt()).isEqualTo(dateOf(friday).plusDays(4).atTime(14, 0).atZone(AMSTERDAM).toInstant());
        assertThat(booked.specialistAgb()).isEqualTo(SMIT);
    }

    @Test
    void aSecondIntakeOfTheSameReferralBooksNothing() {
        Instant friday = freshFriday();
        IntakeCompleted intake = intake("cardiology", OOST, friday);
        EventEnvelope<IntakeCompleted> first = envelope(intake);
        EventEnvelope<IntakeCompleted> again = envelope(intake);   // another event id, the same referral
        String key = intake.referralId().toString();
        TestKafka.publish(first);
        TestKafka.publish(again);
        TestKafka.publish(first);
        // a later intake on the same partition proves the consumer is past all three
        IntakeCompleted marker = intake("cardiology", OOST, friday);
        TestKafka.send(Topics.INTAKE, key, IntakeFixtures.json(envelope(marker)));
        scheduled(marker);

        assertThat(count("select count(*) from appointment where referral_id = ?1", intake.referralId())).isEqualTo(1);
        assertThat(count("select count(*) from matching_rationale where referral_id = ?1", intake.referralId()))
                .isEqualTo(1);
        assertThat(TestKafka.events(EventType.CONSULT_SCHEDULED, key, Duration.ofSeconds(2))).hasSize(1);
        assertThat(TestKafka.events(EventType.MATCHING_FAILED, key, Duration.ZERO)).isEmpty();
        Map<String, Object> rows = Map.of("first", count("select count(*) from processed_event where event_id = ?1",
                first.id()), "again", count("select count(*) from processed_event where event_id = ?1", again.id()));
        assertThat(rows).containsEntry("first", 1L).containsEntry("again", 1L);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
