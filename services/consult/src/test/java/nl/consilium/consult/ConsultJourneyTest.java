package nl.consilium.consult;

import static nl.consilium.consult.Api.WAIT;
import static nl.consilium.consult.Api.get;
import static nl.consilium.consult.Api.post;
import static nl.consilium.consult.Api.smit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.events.EventType;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * The whole path as the platform runs it: intake's and scheduling's events from Kafka, the invitation
 * from a real SMTP server with a signed Jitsi link, the specialist over HTTP from the dossier to the
 * completed consult, {@code ConsultCompleted} and an addendum's {@code ConsultReportAmended} on Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class ConsultJourneyTest {

    @Test
    void fromConsultScheduledToConsultCompleted() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        Api.awaitStatus(id, "SCHEDULED");

        // the invitation: to the patient, in Amsterdam time, with the specialist, the link and what to prepare
        Mailbox.Received invitation = Mailbox.await(referral.email(), 1).getFirst();
        assertThat(invitation.to()).containsExactly(referral.email());
        assertThat(invitation.from()).contains("no-reply@consilium.local");
        assertThat(invitation.subject()).isEqualTo("Uitnodiging videoconsult op woensdag 25 november 2026 om 10:00");
        assertThat(invitation.body())
                .contains("Beste " + ConsultFixtures.PATIENT_NAME)
                .contains("woensdag 25 november 2026, 10:00 - 10:30 uur (Nederlandse tijd)")
                .contains(ConsultFixtures.SMIT_NAME + ", " + ConsultFixtures.SPECIALTY)
                .contains("rustige ruimte", "identiteitsbewijs", "medicijnen", "vragen")
                .doesNotContain("09:00")
                .doesNotContain(ConsultFixtures.QUESTION);
        // no medical content in the subject
        assertThat(invitation.subject()).doesNotContain(ConsultFixtures.SPECIALTY, ConsultFixtures.QUESTION, "bypass");

        // the patient's link: the room, and a token for this room only, signed with the app secret
        JoinTokens.Link patient = JoinTokens.verify(JoinTokens.linkIn(invitation.body()));
        assertThat(patient.header().path("alg").asText()).isEqualTo("HS256");
        assertThat(patient.claims().path("aud").asText()).isEqualTo("jitsi");
        assertThat(patient.claims().path("iss").asText()).isEqualTo(MailServer.JITSI_APP_ID);
        assertThat(patient.claims().path("sub").asText()).isEqualTo(MailServer.JITSI_DOMAIN);
        assertThat(patient.claims().path("room").asText()).isEqualTo(patient.room());
        assertThat(patient.claims().path("context").path("user").path("name").asText()).isEqualTo("Patiënt");
        assertThat(patient.claims().path("context").path("user").path("moderator").asBoolean()).isFalse();
        assertThat(patient.claims().path("exp").asLong())
                .isEqualTo(ConsultFixtures.ENDS_AT.plusSeconds(3600).getEpochSecond());
        assertThat(patient.claims().path("nbf").asLong()).isLessThanOrEqualTo(Instant.now().getEpochSecond());
        assertThat(JoinTokens.signedWith(patient.url().toString(), "another-secret-of-more-than-32-bytes!!")).isFalse();
        // the room name says nothing about the consult
        assertThat(patient.room()).doesNotContain(id.toString().substring(0, 8))
                .doesNotContain(referral.patientId().toString().substring(0, 8));

        // the specialist reads the consult, with their own (moderator) link into the same room
        String specialistLink = get(smit(), id).statusCode(200)
                .body("status", is("SCHEDULED"))
                .body("videoRoom.provider", is("jitsi"))
                .body("videoRoom.linkExpiresAt", is("2026-11-25T10:30:00Z"))
                .extract().path("videoRoom.joinUrl");
        JoinTokens.Link moderator = JoinTokens.verify(specialistLink);
        assertThat(moderator.room()).isEqualTo(patient.room());
        assertThat(moderator.claims().path("context").path("user").path("name").asText())
                .isEqualTo(ConsultFixtures.SMIT_NAME);
        assertThat(moderator.claims().path("context").path("user").path("moderator").asBoolean()).isTrue();

        post(smit(), id, "dossier-read").statusCode(200).body("status", is("DOSSIER_READ"));
        post(smit(), id, "start").statusCode(200).body("status", is("IN_PROGRESS"));
        Api.saveReport(smit(), id, Api.REPORT).statusCode(200);
        post(smit(), id, "report/finalise").statusCode(200).body("report.status", is("FINAL"));
        post(smit(), id, "complete").statusCode(200).body("status", is("COMPLETED"));

        ConsultCompleted completed = TestKafka.awaitEvent(EventType.CONSULT_COMPLETED, id.toString(), WAIT)
                .dataAs(ConsultCompleted.class);
        assertThat(completed.consultId()).isEqualTo(referral.consultId());
        assertThat(completed.report().conclusion()).isEqualTo(Conclusion.CONFIRMS_POLICY);
        assertThat(completed.report().signedByName()).isEqualTo(ConsultFixtures.SMIT_NAME);

        // a correction after completion is a signed addendum
        Api.addendum(smit(), id, "Correctie: LAD, niet RCA.").statusCode(200)
                .body("report.addenda[0].sequence", is(1))
                .body("report.addenda[0].signedBy", is(ConsultFixtures.SMIT_NAME));
        ConsultReportAmended amended = TestKafka.awaitEvent(EventType.CONSULT_REPORT_AMENDED, id.toString(), WAIT)
                .dataAs(ConsultReportAmended.class);
        assertThat(amended.sequence()).isEqualTo(1);
        assertThat(amended.text()).isEqualTo("Correctie: LAD, niet RCA.");
        assertThat(amended.signedBy()).isEqualTo("specialist-" + ConsultFixtures.SMIT_AGB);
        assertThat(amended.signedByName()).isEqualTo(ConsultFixtures.SMIT_NAME);
        assertThat(amended.referrerAgb()).isEqualTo(ConsultFixtures.GP_AGB);

        // one email only: completing tells the patient nothing by email
        assertThat(Mailbox.of(referral.email())).extracting(Mailbox.Received::subject)
                .isEqualTo(List.of(invitation.subject()));
    }
}
