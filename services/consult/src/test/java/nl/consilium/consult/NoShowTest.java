package nl.consilium.consult;

import static nl.consilium.consult.Api.WAIT;
import static nl.consilium.consult.Api.get;
import static nl.consilium.consult.Api.post;
import static nl.consilium.consult.Api.smit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.EventType;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * The patient did not show up: {@code ConsultNoShow} with the referral's count goes to scheduling,
 * which books again (a {@code ConsultRescheduled}), after which the consult is scheduled again.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class NoShowTest {

    @Inject
    ConsultEvents events;

    @Test
    void aNoShowIsCountedAndPublishedAndANewBookingSchedulesTheConsultAgain() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        events.recordIntake(referral.intake());
        events.recordBooking(referral.booking(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME, start,
                start.plus(30, ChronoUnit.MINUTES)));
        post(smit(), id, "dossier-read").statusCode(200);

        post(smit(), id, "no-show").statusCode(200)
                .body("status", is("NO_SHOW"))
                .body("lifecycle.noShows", is(1))
                .body("videoRoom", nullValue());
        ConsultNoShow first = TestKafka.awaitEvent(EventType.CONSULT_NO_SHOW, id.toString(), WAIT)
                .dataAs(ConsultNoShow.class);
        assertThat(first.noShows()).isEqualTo(1);
        assertThat(first.consultId()).isEqualTo(referral.consultId());
        assertThat(first.patientId()).isEqualTo(referral.patientId());
        assertThat(first.specialistAgb()).isEqualTo(ConsultFixtures.SMIT_AGB);
        assertThat(first.startsAt()).isEqualTo(start);
        // no-show is an end: nothing else happens to it until scheduling books again
        post(smit(), id, "start").statusCode(409).body("currentState", is("NO_SHOW"));
        Api.saveReport(smit(), id, Api.REPORT).statusCode(409)
                .body("type", is("urn:consilium:problem:illegal-consult-transition"));
        post(smit(), id, "no-show").statusCode(409).body("currentState", is("NO_SHOW"));

        // scheduling plans again; the patient is invited to the new time
        Instant again = start.plus(1, ChronoUnit.MINUTES);
        events.recordReschedule(referral.moved(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME, again, start,
                ConsultFixtures.SMIT_AGB));
        get(smit(), id).statusCode(200)
                .body("status", is("DOSSIER_READ"))
                .body("lifecycle.noShows", is(1));
        List<Mailbox.Received> mails = Mailbox.await(referral.email(), 2);
        assertThat(mails.get(1).subject()).startsWith("Uitnodiging videoconsult op ");

        post(smit(), id, "no-show").statusCode(200).body("lifecycle.noShows", is(2));
        TestKafka.awaitRecords(nl.consilium.events.Topics.CONSULT, r -> r.key().equals(id.toString()), 2, WAIT);
        assertThat(TestKafka.events(EventType.CONSULT_NO_SHOW, id.toString(), Duration.ofSeconds(1)))
                .extracting(e -> e.dataAs(ConsultNoShow.class).noShows()).containsExactly(1, 2);
    }

    @Test
    void aNoShowBeforeTheStartTimeIsRefused() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        Instant future = Instant.now().plus(2, ChronoUnit.DAYS);
        events.recordIntake(referral.intake());
        events.recordBooking(referral.booking(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME, future,
                future.plus(30, ChronoUnit.MINUTES)));
        post(smit(), id, "no-show").statusCode(409)
                .body("type", is("urn:consilium:problem:illegal-consult-transition"))
                .body("currentState", is("SCHEDULED"));
        get(smit(), id).statusCode(200).body("status", is("SCHEDULED")).body("lifecycle.noShows", is(0));
        assertThat(TestKafka.events(EventType.CONSULT_NO_SHOW, id.toString(), Duration.ofSeconds(1))).isEmpty();
    }
}
