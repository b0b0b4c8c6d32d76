package nl.consilium.consult;

import static nl.consilium.consult.Api.get;
import static nl.consilium.consult.Api.mulder;
import static nl.consilium.consult.Api.post;
import static nl.consilium.consult.Api.smit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * The video room: re-issued on a reschedule and at the specialist's request, so that old links lead
 * into a room nobody uses any more; names never repeat, and a token is bound to its own room, so an
 * old or expired link never opens another patient's room. A move to another specialist takes the
 * consult away from the first one.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class VideoRoomTest {

    @Inject
    ConsultEvents events;

    @Inject
    EntityManager entityManager;

    @Test
    void aRescheduleIssuesANewRoomTellsThePatientAndTheFirstSpecialistLosesTheConsult() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        Mailbox.Received invitation = Mailbox.await(referral.email(), 1).getFirst();
        JoinTokens.Link first = JoinTokens.verify(JoinTokens.linkIn(invitation.body()));
        post(smit(), id, "dossier-read").statusCode(200);
        Api.saveReport(smit(), id, Api.REPORT).statusCode(200);

        // moved to Eva Mulder, Thursday 26 November 10:30 Amsterdam time
        Instant newStart = Instant.parse("2026-11-26T09:30:00Z");
        TestKafka.publish(ConsultFixtures.envelope(referral.moved(ConsultFixtures.MULDER_AGB,
                ConsultFixtures.MULDER_NAME, newStart, ConsultFixtures.STARTS_AT, ConsultFixtures.SMIT_AGB),
                "scheduling"));
        Mailbox.Received moved = Mailbox.await(referral.email(), 2).get(1);
        assertThat(moved.subject()).isEqualTo("Uw videoconsult is verplaatst naar donderdag 26 november 2026 om 10:30");
        assertThat(moved.body()).contains("10:30 - 11:00 uur", ConsultFixtures.MULDER_NAME)
                .contains("De link uit eerdere e-mails werkt niet meer");
        JoinTokens.Link second = JoinTokens.verify(JoinTokens.linkIn(moved.body()));
        assertThat(second.room()).isNotEqualTo(first.room());
        assertThat(second.claims().path("room").asText()).isEqualTo(second.room());
        // the old token names the old room: it opens nothing else
        assertThat(first.claims().path("room").asText()).isEqualTo(first.room()).isNotEqualTo(second.room());
        assertThat(second.claims().path("exp").asLong()).isEqualTo(newStart.plusSeconds(1800 + 3600).getEpochSecond());

        // Smit's consult no more; Mulder's, from the start (the dossier read and the draft were Smit's)
        get(smit(), id).statusCode(404);
        Api.saveReport(smit(), id, Api.REPORT).statusCode(404);
        get(mulder(), id).statusCode(200)
                .body("status", is("SCHEDULED"))
                .body("appointment.specialistName", is(ConsultFixtures.MULDER_NAME))
                .body("appointment.startsAt", is(newStart.toString()))
                .body("lifecycle.dossierReadAt", nullValue())
                .body("report", nullValue());
        assertThat(roomsOf(id)).extracting(r -> r[0] + " " + r[1])
                .containsExactly(first.room() + " REPLACED", second.room() + " open");
    }

    @Test
    void theSpecialistAsksForANewRoomAndThePatientGetsTheNewLink() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        events.recordIntake(referral.intake());
        events.recordBooking(referral.booking());
        String firstLink = JoinTokens.linkIn(Mailbox.await(referral.email(), 1).getFirst().body());
        String firstSpecialistLink = get(smit(), id).statusCode(200).extract().path("videoRoom.joinUrl");

        String newSpecialistLink = post(smit(), id, "room").statusCode(200)
                .body("status", is("SCHEDULED")).extract().path("videoRoom.joinUrl");
        Mailbox.Received newLink = Mailbox.await(referral.email(), 2).get(1);
        assertThat(newLink.subject()).isEqualTo("Nieuwe link voor uw videoconsult op woensdag 25 november 2026 om 10:00");
        String secondLink = JoinTokens.linkIn(newLink.body());

        String oldRoom = JoinTokens.verify(firstLink).room();
        String newRoom = JoinTokens.verify(secondLink).room();
        assertThat(newRoom).isNotEqualTo(oldRoom);
        assertThat(JoinTokens.verify(newSpecialistLink).room()).isEqualTo(newRoom);
        assertThat(JoinTokens.verify(firstSpecialistLink).room()).isEqualTo(oldRoom);
        assertThat(roomsOf(id)).extracting(r -> r[0] + " " + r[1])
                .containsExactly(oldRoom + " REPLACED", newRoom + " open");
    }

    @Test
    void roomNamesAreNeverReusedSoAnOldLinkNeverLeadsIntoAnotherConsult() {
        List<Referral> referrals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Referral referral = Referral.fresh();
            events.recordIntake(referral.intake(false, "nl", null));
            events.recordBooking(referral.booking());
            referrals.add(referral);
        }
        // every consult gets two more rooms
        for (Referral referral : referrals) {
            post(smit(), referral.referralId(), "room").statusCode(200);
            post(smit(), referral.referralId(), "room").statusCode(200);
        }
        Set<String> open = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (Referral referral : referrals) {
            for (Object[] room : roomsOf(referral.referralId())) {
                String name = (String) room[0];
                assertThat(name).matches("[a-z2-7]{32}");
                assertThat(open.contains(name) || closed.contains(name)).as("room name issued twice").isFalse();
                ("open".equals(room[1]) ? open : closed).add(name);
            }
        }
        assertThat(open).hasSize(5);
        assertThat(closed).hasSize(10);
        // a closed room's name is nobody's current room
        assertThat(open).doesNotContainAnyElementsOf(closed);
        // the database refuses a name twice
        String taken = open.iterator().next();
        Referral other = referrals.getLast();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into video_room (room_name, referral_id, provider, reason, issued_at)
                values (?1, ?2, 'jitsi', 'REQUESTED', now())""")
                .setParameter(1, taken).setParameter(2, other.referralId()).executeUpdate()))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aCompletedOrCancelledConsultHasNoOpenRoomAndNoNewOne() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        events.recordIntake(referral.intake(false, "nl", null));
        events.recordBooking(referral.booking());
        Api.throughToSignedReport(smit(), id);
        post(smit(), id, "complete").statusCode(200).body("videoRoom", nullValue());
        post(smit(), id, "room").statusCode(409)
                .body("type", is("urn:consilium:problem:illegal-consult-transition"))
                .body("currentState", is("COMPLETED"));
        assertThat(roomsOf(id)).extracting(r -> r[1]).containsExactly("CONSULT_ENDED");
    }

    /** room_name and close reason ("open" while open) of the consult's rooms, in issue order. */
    @SuppressWarnings("unchecked")
    private List<Object[]> roomsOf(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select room_name, coalesce(close_reason, 'open') from video_room where referral_id = ?1"
                                + " order by issued_at, closed_at nulls last")
                .setParameter(1, referralId).getResultList());
    }
}
