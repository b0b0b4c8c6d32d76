package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.DossierFixtures.DOCUMENTS;
import static nl.consilium.intake.DossierFixtures.claim;
import static nl.consilium.intake.DossierFixtures.sample;
import static nl.consilium.intake.DossierFixtures.sha256;
import static nl.consilium.intake.DossierFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.DossierDocumentAdded;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The intake dossier for the specialist (issue 6): an upload is announced as DossierDocumentAdded;
 * scheduling's ConsultScheduled, ConsultRescheduled and ConsultCancelled (from Kafka) decide which
 * specialist may list and download the documents; any other specialist gets 404, audited as denied.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class DossierSpecialistAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SMIT = "03111111";
    private static final String MULDER = "03222222";
    private static final Instant STARTS_AT = Instant.parse("2026-12-02T09:00:00Z");

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    /** A case with one uploaded document. */
    private record CaseWithDocument(ReferralReceived referral, UUID consultId, String documentId, byte[] data) {

        UUID id() {
            return referral.referralId();
        }

        ConsultScheduled booking(String agb) {
            return new ConsultScheduled(id(), consultId, referral.patientId(), agb, "Dr. " + agb, "cardiology",
                    STARTS_AT, STARTS_AT.plusSeconds(1800), "MATCHING", false);
        }

        ConsultRescheduled moved(String agb, String previousAgb) {
            return new ConsultRescheduled(id(), consultId, referral.patientId(), agb, "Dr. " + agb, "cardiology",
                    STARTS_AT.plusSeconds(86_400), STARTS_AT.plusSeconds(88_200), "SPECIALIST", previousAgb, STARTS_AT,
                    Instant.now());
        }

        ConsultCancelled cancelled(String agb) {
            return new ConsultCancelled(id(), consultId, referral.patientId(), agb, STARTS_AT, "PATIENT",
                    "Patiënt ziet af (vrije tekst)", Instant.now());
        }
    }

    private CaseWithDocument caseWithDocument() {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        String nurse = Tokens.nurse("nurse.dossier");
        claim(referral.referralId(), nurse);
        byte[] data = sample("letter.pdf");
        String documentId = upload(nurse, referral.referralId(), "ontslagbrief.pdf", data, "application/pdf",
                "Ontslagbrief cardiologie", null).statusCode(201).extract().path("documentId");
        return new CaseWithDocument(referral, UUID.randomUUID(), documentId, data);
    }

    private static String specialist(String agb) {
        return Tokens.specialist(agb, "cardiology");
    }

    @Test
    void anUploadIsAnnouncedAsDossierDocumentAddedAndARefusedOneIsNot() {
        String nurse = Tokens.nurse("nurse.announce");
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        UUID id = referral.referralId();
        claim(id, nurse);
        byte[] data = sample("scan.png");
        var created = upload(nurse, id, "scan.png", data, "image/png", "MRI-beeld", null).statusCode(201).extract();

        EventEnvelope<ConsiliumEvent> event = TestKafka.awaitEvent(EventType.DOSSIER_DOCUMENT_ADDED, id.toString(), WAIT);
        assertThat(event.source()).isEqualTo("/consilium/intake");
        DossierDocumentAdded added = event.dataAs(DossierDocumentAdded.class);
        assertThat(added.referralId()).isEqualTo(id);
        assertThat(added.patientId()).isEqualTo(referral.patientId());
        assertThat(added.documentId()).hasToString(created.path("documentId"));
        assertThat(added.title()).isEqualTo("MRI-beeld");
        assertThat(added.contentType()).isEqualTo("image/png");
        assertThat(added.size()).isEqualTo(data.length);
        assertThat(added.sha256()).isEqualTo(sha256(data));
        assertThat(added.addedAt()).isEqualTo(Instant.parse(created.path("uploadedAt")));

        // refused uploads (not the claim holder; not a PDF) announce nothing
        upload(Tokens.nurse("nurse.other"), id, "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(409);
        upload(nurse, id, "a.pdf", data, "application/pdf", "Brief", null).statusCode(422);
        assertThat(TestKafka.events(EventType.DOSSIER_DOCUMENT_ADDED, id.toString(), Duration.ofSeconds(2)))
                .hasSize(1);
    }

    @Test
    void onlyTheBookedSpecialistReadsTheDocumentsUntilTheConsultMovesOrIsCancelled() {
        CaseWithDocument c = caseWithDocument();
        UUID id = c.id();

        // not booked yet: no specialist
        assertNoAccess(specialist(SMIT), c);

        TestKafka.publish(scheduling(c.booking(SMIT)));
        awaitAssignment(id, SMIT);
        assertAccess(specialist(SMIT), c);
        assertNoAccess(specialist(MULDER), c);
        // the others keep theirs, the GP has none
        assertAccess(Tokens.nurse(), c);
        assertAccess(Tokens.coordinator(), c);
        given().auth().oauth2(Tokens.gp(ReferralFixtures.GP_AGB)).get(DOCUMENTS, id).then().statusCode(403);
        given().auth().oauth2(Tokens.gp(ReferralFixtures.GP_AGB)).get(DOCUMENTS + "/{documentId}", id, c.documentId())
                .then().statusCode(403);

        // moved to Mulder: Smit loses access
        TestKafka.publish(scheduling(c.moved(MULDER, SMIT)));
        awaitAssignment(id, MULDER);
        assertAccess(specialist(MULDER), c);
        assertNoAccess(specialist(SMIT), c);

        // cancelled: nobody
        TestKafka.publish(scheduling(c.cancelled(MULDER)));
        awaitAssignment(id, null);
        assertNoAccess(specialist(MULDER), c);
        assertNoAccess(specialist(SMIT), c);
        assertAccess(Tokens.nurse(), c);

        // booked again (after the cancellation): that specialist reads it again
        TestKafka.publish(scheduling(c.booking(SMIT)));
        awaitAssignment(id, SMIT);
        assertAccess(specialist(SMIT), c);
        assertNoAccess(specialist(MULDER), c);
    }

    @Test
    void theSpecialistsReadsAndRefusalsAreAudited() {
        CaseWithDocument c = caseWithDocument();
        UUID id = c.id();
        TestKafka.publish(scheduling(c.booking(SMIT)));
        awaitAssignment(id, SMIT);

        given().auth().oauth2(specialist(SMIT)).get(DOCUMENTS, id).then().statusCode(200);
        given().auth().oauth2(specialist(SMIT)).get(DOCUMENTS + "/{documentId}", id, c.documentId()).then()
                .statusCode(200);
        given().auth().oauth2(specialist(MULDER)).get(DOCUMENTS, id).then().statusCode(404);
        given().auth().oauth2(specialist(MULDER)).get(DOCUMENTS + "/{documentId}", id, c.documentId()).then()
                .statusCode(404);

        List<Object[]> rows = IntakeFlow.rows(entityManager, """
                select action, resource, referral_id, user_subject, outcome from audit_log
                 where patient_id = ?1 and user_subject like 'specialist-%' order by occurred_at, id""",
                c.referral().patientId());
        assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[3] + " " + r[4]).containsExactly(
                "dossier-document.search dossier-document/" + c.documentId() + " specialist-" + SMIT + " SUCCESS",
                "dossier-document.read dossier-document/" + c.documentId() + " specialist-" + SMIT + " SUCCESS",
                "dossier-document.search dossier-document/" + id + " specialist-" + MULDER + " DENIED",
                "dossier-document.read dossier-document/" + c.documentId() + " specialist-" + MULDER + " DENIED");
        assertThat(rows).allSatisfy(r -> assertThat(r[2]).isEqualTo(id));
    }

    @Test
    void aCancelledReferralsDossierIsClosedToTheSpecialist() {
        CaseWithDocument c = caseWithDocument();
        TestKafka.publish(scheduling(c.booking(SMIT)));
        awaitAssignment(c.id(), SMIT);
        assertAccess(specialist(SMIT), c);

        // before scheduling's ConsultCancelled arrives, intake's own cancellation closes it already
        intake.cancelCase(ReferralFixtures.cancellation(c.referral(), Instant.now()));
        assertNoAccess(specialist(SMIT), c);
        assertAccess(Tokens.nurse(), c);
    }

    @Test
    void aRedeliveredBookingIsAppliedOnce() {
        CaseWithDocument c = caseWithDocument();
        UUID id = c.id();
        EventEnvelope<ConsultScheduled> first = scheduling(c.booking(SMIT));
        TestKafka.publish(first);
        TestKafka.publish(scheduling(c.moved(MULDER, SMIT)));
        TestKafka.publish(first);
        // a later event on the same partition proves the consumer is past the copy
        CaseWithDocument later = caseWithDocument();
        TestKafka.send(Topics.SCHEDULING, id.toString(), EventCodec.encode(scheduling(later.booking(SMIT))));
        awaitAssignment(later.id(), SMIT);

        assertThat(assignment(id)).contains(MULDER);
        assertAccess(specialist(MULDER), c);
        assertNoAccess(specialist(SMIT), c);
        assertThat(IntakeFlow.count(entityManager,
                "select count(*) from processed_event where consumer = 'intake.scheduling-events' and event_id = ?1",
                first.id())).isEqualTo(1);
    }

    @Test
    void poisonOnTheSchedulingTopicGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "poison-scheduling-" + System.nanoTime();
        TestKafka.send(Topics.SCHEDULING, key, "not json at all");
        var dead = TestKafka.awaitRecords(Topics.deadLetter("intake"), r -> key.equals(r.key()), 1, WAIT);
        assertThat(new String(dead.getFirst().headers().lastHeader("dead-letter-topic").value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.SCHEDULING);

        CaseWithDocument c = caseWithDocument();
        TestKafka.publish(scheduling(c.booking(SMIT)));
        awaitAssignment(c.id(), SMIT);
        assertAccess(specialist(SMIT), c);
    }

    /** An event as scheduling publishes it. */
    private static <T extends ConsiliumEvent> EventEnvelope<T> scheduling(T event) {
        return EventEnvelope.of(event, "scheduling", Instant.now());
    }

    /** The token lists the document and downloads it byte for byte. */
    private static void assertAccess(String token, CaseWithDocument c) {
        given().auth().oauth2(token).get(DOCUMENTS, c.id()).then().statusCode(200)
                .body("documentId", contains(c.documentId()))
                .body("sha256", contains(sha256(c.data())))
                .body("title", contains("Ontslagbrief cardiologie"));
        byte[] downloaded = given().auth().oauth2(token).get(DOCUMENTS + "/{documentId}", c.id(), c.documentId())
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("ETag", is("\"" + sha256(c.data()) + "\""))
                .header("Cache-Control", is("no-store"))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(c.data());
    }

    /** The token gets 404, as for an unknown case, on the list and on the download. */
    private static void assertNoAccess(String token, CaseWithDocument c) {
        given().auth().oauth2(token).get(DOCUMENTS, c.id()).then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(token).get(DOCUMENTS + "/{documentId}", c.id(), c.documentId()).then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:not-found"));
    }

    /** Waits until intake applied scheduling's latest event: {@code agb} assigned (null: cancelled, nobody). */
    private void awaitAssignment(UUID referralId, String agb) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<Object[]> rows = IntakeFlow.rows(entityManager,
                    "select specialist_agb, change from specialist_assignment where referral_id = ?1", referralId);
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst()[0]).isEqualTo(agb);
            if (agb == null) {
                assertThat(rows.getFirst()[1]).isEqualTo("CANCELLED");
            }
        });
    }

    private Optional<String> assignment(UUID referralId) {
        List<Object[]> rows = IntakeFlow.rows(entityManager,
                "select specialist_agb, change from specialist_assignment where referral_id = ?1", referralId);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.getFirst()[0]);
    }
}
