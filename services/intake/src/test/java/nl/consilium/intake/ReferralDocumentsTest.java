package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.Topics;
import nl.consilium.events.referral.DocumentAttachment;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The gateway's later documents from Kafka update the case: the referral letter and supplements with
 * their attachments described, the questionnaire's transmural-agreement flag and reason; a document
 * of a referral intake has no case for is ignored.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReferralDocumentsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Test
    void theLetterSupplementAndQuestionnaireShowOnTheCase() {
        ReferralReceived referral = ReferralFixtures.referral();
        String key = referral.referralId().toString();
        DocumentAttachment pdf = ReferralFixtures.attachment("Verwijsbrief", "application/pdf", 48_213);
        DocumentAttachment scan = ReferralFixtures.attachment("ECG", "image/png", 120_000);
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(referral));
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(ReferralFixtures.questionnaire(referral)));
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(ReferralFixtures.letter(referral, pdf)));
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(ReferralFixtures.supplement(referral, scan)));

        await().atMost(WAIT).untilAsserted(() -> IntakeFlow.get(Tokens.nurse(), referral.referralId())
                .statusCode(200).body("supplements.size()", is(1)));
        IntakeFlow.get(Tokens.nurse(), referral.referralId()).statusCode(200)
                .body("letterReceived", is(true))
                .body("letters[0].documentType", is("referral-letter"))
                .body("letters[0].receivedAt", is(referral.receivedAt().plusSeconds(60).toString()))
                .body("letters[0].attachments[0].attachmentId", is(pdf.attachmentId().toString()))
                .body("letters[0].attachments[0].title", is("Verwijsbrief"))
                .body("letters[0].attachments[0].contentType", is("application/pdf"))
                .body("letters[0].attachments[0].size", is(48_213))
                .body("letters[0].attachments[0].sha256", is(pdf.sha256()))
                .body("supplements[0].documentType", is("supplement"))
                .body("supplements[0].attachments[0].title", is("ECG"))
                .body("transmuralAgreement.flaggedForIntake", is(true))
                .body("transmuralAgreement.reason", is(ReferralFixtures.TRANSMURAL_REASON))
                .body("transmuralAgreement.situation", is("2a"))
                .body("transmuralAgreement.conformity", is("MISMATCH"))
                .body("transmuralAgreement.expectedLetterAuthor", is("TREATING_SPECIALIST"))
                // the documents do not change the case's version under the nurse's hands
                .body("version", is(0));

        String nurseName = "nurse.documents-" + UUID.randomUUID();
        IntakeFlow.claim(Tokens.nurse(nurseName), referral.referralId()).statusCode(200);
        given().auth().oauth2(Tokens.nurse(nurseName)).queryParam("assignedTo", "me").get(IntakeFlow.CASES)
                .then().statusCode(200)
                .body("items[0].letterReceived", is(true))
                .body("items[0].transmuralFlagged", is(true));
    }

    @Test
    void theSameDocumentTwiceIsKeptOnce() {
        ReferralReceived referral = ReferralFixtures.referral();
        String key = referral.referralId().toString();
        DocumentAttachment pdf = ReferralFixtures.attachment("Verwijsbrief", "application/pdf", 1000);
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(referral));
        // two events (other event ids) for the same ZorgDomein Bundle
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(ReferralFixtures.letter(referral, pdf)));
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(ReferralFixtures.letter(referral, pdf)));
        ReferralReceived later = ReferralFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(later));
        await().atMost(WAIT).untilAsserted(() -> IntakeFlow.get(Tokens.nurse(), later.referralId()).statusCode(200));

        IntakeFlow.get(Tokens.nurse(), referral.referralId()).statusCode(200).body("letters.size()", is(1));
    }

    @Test
    void aDocumentOfAReferralWithoutACaseIsIgnoredAndTheConsumerCarriesOn() {
        ReferralReceived unknown = ReferralFixtures.referral();
        String key = unknown.referralId().toString();
        EventEnvelope<ConsiliumEvent> letter = ReferralFixtures.envelope(ReferralFixtures.letter(unknown,
                ReferralFixtures.attachment("Verwijsbrief", "application/pdf", 1000)));
        EventEnvelope<ConsiliumEvent> questionnaire = ReferralFixtures.envelope(ReferralFixtures.questionnaire(unknown));
        TestKafka.send(Topics.REFERRAL, key, EventCodec.encode(letter));
        TestKafka.send(Topics.REFERRAL, key, EventCodec.encode(questionnaire));
        ReferralReceived after = ReferralFixtures.referral();
        TestKafka.send(Topics.REFERRAL, key, ReferralFixtures.envelopeJson(after));
        await().atMost(WAIT).untilAsserted(() -> IntakeFlow.get(Tokens.nurse(), after.referralId()).statusCode(200));

        IntakeFlow.get(Tokens.nurse(), unknown.referralId()).statusCode(404);
        assertThat(IntakeFlow.count(entityManager, "select count(*) from referral_document where referral_id = ?1",
                unknown.referralId())).isZero();
        for (UUID eventId : List.of(letter.id(), questionnaire.id())) {
            assertThat(IntakeFlow.count(entityManager, "select count(*) from processed_event"
                    + " where consumer = 'intake.referral-events' and event_id = ?1", eventId)).isEqualTo(1);
        }
        assertThat(TestKafka.allRecords(Topics.deadLetter("intake"), Duration.ZERO)).noneMatch(r -> key.equals(r.key()));
    }
}
