package nl.consilium.gateway;

import static io.restassured.RestAssured.given;
import static nl.consilium.gateway.BundleIngestionTest.FHIR_JSON;
import static nl.consilium.gateway.BundleIngestionTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.Topics;
import nl.consilium.events.referral.DocumentAttachment;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.referral.TransmuralAgreementAssessment;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * ZorgDomein's five document types joined into one referral by ZD number, in any order, over HTTP with
 * real PostgreSQL and Kafka: what is stored, what is announced, and in which order.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "referral-gateway"))
class ReferralDocumentsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Test
    void allFiveDocumentTypesJoinOneReferralAndAreAnnouncedInOrder() throws Exception {
        Samples.FreshReferral referral = Samples.freshReferral();
        UUID referralId = accepted(post(referral.document("appointment-request.json")));
        Samples.Fresh letter = referral.document("referral-letter.xml");
        assertThat(accepted(post(letter))).isEqualTo(referralId);
        assertThat(accepted(post(referral.document("questionnaire.json")))).isEqualTo(referralId);
        Samples.Fresh supplement = referral.document("supplement.xml");
        assertThat(accepted(post(supplement))).isEqualTo(referralId);
        Samples.Fresh cancellation = referral.document("cancellation.json");
        assertThat(accepted(post(cancellation))).isEqualTo(referralId);

        List<EventEnvelope<ConsiliumEvent>> events = eventsOf(referralId, 5);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly(EventType.REFERRAL_RECEIVED,
                EventType.REFERRAL_LETTER_RECEIVED, EventType.REFERRAL_SUPPLEMENTED,
                EventType.REFERRAL_SUPPLEMENTED, EventType.REFERRAL_CANCELLED);

        ReferralReceived received = events.get(0).dataAs(ReferralReceived.class);
        assertThat(received.treatingSpecialty()).isEqualTo("cardiology");
        assertThat(received.zorgDomeinNumber()).isEqualTo(referral.zdNumber());

        ReferralLetterReceived letterEvent = events.get(1).dataAs(ReferralLetterReceived.class);
        assertThat(letterEvent.bundleId()).isEqualTo(letter.bundleId());
        assertThat(letterEvent.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.size()).isPositive();
        });

        ReferralSupplemented questionnaire = events.get(2).dataAs(ReferralSupplemented.class);
        assertThat(questionnaire.documentType()).isEqualTo("questionnaire");
        assertThat(questionnaire.attachments()).isEmpty();
        assertThat(questionnaire.questionnaire().reasons()).containsExactly("diagnosis-doubt", "treatment-choice");
        assertThat(questionnaire.questionnaire().underTreatment()).isTrue();
        assertThat(questionnaire.questionnaire().satisfied()).isFalse();
        TransmuralAgreementAssessment assessment = questionnaire.questionnaire().transmuralAgreement();
        assertThat(assessment.situation()).isEqualTo("2b");
        assertThat(assessment.expectedLetterAuthor()).isEqualTo("GP");
        assertThat(assessment.conformity()).isEqualTo("CONFORMS");
        assertThat(assessment.flaggedForIntake()).isFalse();
        assertThat(assessment.newReferral()).isFalse();

        ReferralSupplemented supplementEvent = events.get(3).dataAs(ReferralSupplemented.class);
        assertThat(supplementEvent.documentType()).isEqualTo("supplement");
        assertThat(supplementEvent.questionnaire()).isNull();
        assertThat(supplementEvent.attachments()).extracting(DocumentAttachment::contentType)
                .containsExactly("image/png", "text/plain");

        ReferralCancelled cancelled = events.get(4).dataAs(ReferralCancelled.class);
        assertThat(cancelled.bundleId()).isEqualTo(cancellation.bundleId());
        assertThat(cancelled.reasonCode()).isEqualTo("patient-withdrew");
        assertThat(cancelled.reasonText()).isEqualTo("Patiënt ziet af van de second opinion");

        assertThat(count("select count(*) from referral where zorgdomein_number = ?1", referral.zdNumber())).isEqualTo(1);
        assertThat(count("select count(*) from received_document where referral_id = ?1", referralId)).isEqualTo(5);
        assertThat(count("select count(*) from attachment where referral_id = ?1", referralId)).isEqualTo(3);
        assertThat(TestKafka.allRecords(Topics.REFERRAL, SETTLE).stream()
                .filter(r -> r.key().equals(referralId.toString())).map(r -> r.value()))
                .as("attachments are described, never carried")
                .noneMatch(v -> v.contains("JVBERi0")) // base64 of "%PDF-"
                .noneMatch(v -> v.contains(referral.bsn()));

        // The attachments are kept byte for byte with their checksum, and can be read by nurse and coordinator.
        JsonNode details = JSON.readTree(given().auth().oauth2(Tokens.coordinator())
                .get("/api/referrals/" + referralId).then().statusCode(200).extract().asString());
        assertThat(details.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(details.get("cancellation").get("reasonCode").asText()).isEqualTo("patient-withdrew");
        assertThat(details.get("questionnaire").get("transmuralAgreement").get("situation").asText()).isEqualTo("2b");
        assertThat(details.get("documents")).extracting(d -> d.get("documentType").asText()).containsExactly(
                "appointment-request", "referral-letter", "questionnaire", "supplement", "cancellation");
        assertThat(details.get("attachments")).hasSize(3);
        for (JsonNode attachment : details.get("attachments")) {
            byte[] bytes = given().auth().oauth2(Tokens.nurse()).get(attachment.get("href").asText())
                    .then().statusCode(200)
                    .contentType(is(attachment.get("contentType").asText()))
                    .header("ETag", is("\"" + attachment.get("sha256").asText() + "\""))
                    .extract().asByteArray();
            assertThat(bytes).hasSize(attachment.get("size").asInt());
            assertThat(sha256(bytes)).isEqualTo(attachment.get("sha256").asText());
        }
        byte[] pdf = given().auth().oauth2(Tokens.coordinator())
                .get(details.get("attachments").get(0).get("href").asText()).then().statusCode(200)
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf).isEqualTo(embeddedBytes(letter.text()));
        assertThat(count("select count(*) from audit_log where referral_id = ?1 and action = 'referral-attachment.read'",
                referralId)).isEqualTo(4);
        given().auth().oauth2(Tokens.gp("01123456")).get(details.get("attachments").get(0).get("href").asText())
                .then().statusCode(403);
        given().auth().oauth2(Tokens.nurse()).get("/api/referrals/" + referralId + "/attachments/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void documentsBeforeTheAppointmentRequestWaitForItAndAreAnnouncedRightAfterIt() {
        Samples.FreshReferral referral = Samples.freshReferral();
        UUID referralId = accepted(post(referral.document("questionnaire.xml")));
        assertThat(accepted(post(referral.document("referral-letter.json")))).isEqualTo(referralId);
        assertThat(accepted(post(referral.document("supplement.json")))).isEqualTo(referralId);
        assertThat(status(referralId)).isEqualTo("AWAITING_APPOINTMENT_REQUEST");
        assertThat(TestKafka.allRecords(Topics.REFERRAL, SETTLE)).as("nothing is announced before the appointment request")
                .noneMatch(r -> r.key().equals(referralId.toString()));

        assertThat(accepted(post(referral.document("appointment-request.xml")))).isEqualTo(referralId);

        assertThat(eventsOf(referralId, 4)).extracting(EventEnvelope::eventType).containsExactly(
                EventType.REFERRAL_RECEIVED, EventType.REFERRAL_SUPPLEMENTED, EventType.REFERRAL_LETTER_RECEIVED,
                EventType.REFERRAL_SUPPLEMENTED);
        assertThat(status(referralId)).isEqualTo("RECEIVED");
        assertThat(count("select count(*) from audit_log where referral_id = ?1 and action = 'referral.create'",
                referralId)).as("the first document opened the referral").isEqualTo(1);
        assertThat(count("select count(*) from audit_log where referral_id = ?1 and action = 'referral.update'",
                referralId)).isEqualTo(3);
    }

    @Test
    void aReferralCancelledBeforeItsAppointmentRequestIsNeverAnnounced() {
        Samples.FreshReferral referral = Samples.freshReferral();
        UUID referralId = accepted(post(referral.document("cancellation.xml")));
        assertThat(accepted(post(referral.document("appointment-request.json")))).isEqualTo(referralId);
        assertThat(accepted(post(referral.document("referral-letter.json")))).isEqualTo(referralId);

        assertThat(status(referralId)).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from received_document where referral_id = ?1", referralId))
                .as("every document is kept").isEqualTo(3);
        assertThat(TestKafka.allRecords(Topics.REFERRAL, SETTLE)).noneMatch(r -> r.key().equals(referralId.toString()));
    }

    @Test
    void reDeliveriesAndASecondCancellationAnnounceNothingNew() {
        Samples.FreshReferral referral = Samples.freshReferral();
        UUID referralId = accepted(post(referral.document("appointment-request.json")));
        Samples.Fresh letter = referral.document("referral-letter.json");
        accepted(post(letter));
        post(letter).then().statusCode(201).body("issue[0].diagnostics", is("This document was received before; nothing changed"));
        accepted(post(referral.document("cancellation.json")));
        accepted(post(referral.document("cancellation.xml")));
        accepted(post(referral.document("supplement.json")));

        List<ConsiliumEvent> events = TestKafka.allRecords(Topics.REFERRAL, SETTLE).stream()
                .filter(r -> r.key().equals(referralId.toString()))
                .map(r -> TestKafka.decode(r).orElseThrow().data()).toList();
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReferralReceived", "ReferralLetterReceived", "ReferralCancelled");
        assertThat(count("select count(*) from attachment where referral_id = ?1", referralId))
                .as("the letter's PDF once, the supplement's two").isEqualTo(3);
        assertThat(count("select count(*) from received_document where referral_id = ?1", referralId)).isEqualTo(5);
    }

    @Test
    void aQuestionnaireThatDoesNotMatchTheReferrerIsAcceptedAndFlaggedForTheNurse() throws Exception {
        Samples.FreshReferral referral = Samples.freshReferral();
        UUID referralId = accepted(post(referral.document("appointment-request.json")));
        // Row 1 of the agreement: under treatment, satisfied, stays: the treating specialist should refer, not the GP.
        ObjectNode questionnaire = (ObjectNode) JSON.readTree(referral.document("questionnaire.json").text());
        for (JsonNode entry : questionnaire.get("entry")) {
            JsonNode resource = entry.get("resource");
            if (resource.get("resourceType").asText().equals("QuestionnaireResponse")) {
                for (JsonNode item : resource.findParents("linkId")) {
                    switch (item.get("linkId").asText()) {
                        case "satisfied", "will-return" -> ((ObjectNode) item.get("answer").get(0))
                                .put("valueBoolean", true);
                        default -> {
                        }
                    }
                }
            }
        }
        accepted(post(JSON.writeValueAsString(questionnaire), FHIR_JSON));

        TransmuralAgreementAssessment assessment = TestKafka.awaitEvent(EventType.REFERRAL_SUPPLEMENTED,
                referralId.toString(), WAIT).dataAs(ReferralSupplemented.class).questionnaire().transmuralAgreement();
        assertThat(assessment.situation()).isEqualTo("1");
        assertThat(assessment.expectedLetterAuthor()).isEqualTo("TREATING_SPECIALIST");
        assertThat(assessment.conformity()).isEqualTo("MISMATCH");
        assertThat(assessment.flaggedForIntake()).isTrue();
        assertThat(assessment.reason()).startsWith("treating specialist should refer").contains("from a GP");
    }

    @Test
    void aDocumentAboutAnotherPatientIs422AndStoresNothing() {
        Samples.FreshReferral referral = Samples.freshReferral();
        UUID referralId = accepted(post(referral.document("appointment-request.json")));
        Samples.Fresh otherPatient = new Samples.FreshReferral(referral.zdNumber(), ZorgDomeinBundle.validBsn())
                .document("referral-letter.json");

        assertOutcome(post(otherPatient), 422, "business-rule", "Composition.subject");
        assertThat(count("select count(*) from received_document where bundle_id = ?1", otherPatient.bundleId())).isZero();
        assertThat(count("select count(*) from attachment where referral_id = ?1", referralId)).isZero();
        assertThat(count("select count(*) from patient where bsn = ?1", otherPatient.bsn())).isZero();
    }

    @Test
    void anAttachmentWhoseBytesAreNotItsDeclaredTypeIs400AndStoresNothing() {
        Samples.FreshReferral referral = Samples.freshReferral();
        accepted(post(referral.document("appointment-request.json")));
        Samples.Fresh mismatch = referral.document("supplement-content-type-mismatch.json");
        assertOutcome(post(mismatch), 400, "invalid", "Bundle.entry[5].resource.content[0].attachment.contentType");
        assertThat(count("select count(*) from received_document where bundle_id = ?1", mismatch.bundleId())).isZero();
    }

    @Test
    void documentsOfOneReferralArrivingAtOnceAreAllJoinedAndTheReferralIsAnnouncedFirst() throws Exception {
        List<String> names = List.of("appointment-request.json", "referral-letter.xml", "questionnaire.json",
                "supplement.xml");
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            for (int round = 0; round < 5; round++) {
                Samples.FreshReferral referral = Samples.freshReferral();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (String name : names) {
                    Samples.Fresh document = referral.document(name);
                    answers.add(pool.submit((Callable<Response>) () -> {
                        start.await();
                        return post(document);
                    }));
                }
                start.countDown();
                List<UUID> referralIds = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    referralIds.add(accepted(answer.get()));
                }
                assertThat(referralIds).as("one referral").containsOnly(referralIds.getFirst());
                UUID referralId = referralIds.getFirst();
                var events = eventsOf(referralId, 4);
                assertThat(events.getFirst().eventType()).isEqualTo(EventType.REFERRAL_RECEIVED);
                assertThat(events).extracting(EventEnvelope::eventType).containsExactlyInAnyOrder(
                        EventType.REFERRAL_RECEIVED, EventType.REFERRAL_LETTER_RECEIVED,
                        EventType.REFERRAL_SUPPLEMENTED, EventType.REFERRAL_SUPPLEMENTED);
                assertThat(count("select count(*) from referral where zorgdomein_number = ?1", referral.zdNumber()))
                        .isEqualTo(1);
                assertThat(count("select count(*) from received_document where referral_id = ?1", referralId))
                        .isEqualTo(4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Response post(Samples.Fresh document) {
        String type = document.text().stripLeading().startsWith("<") ? "application/fhir+xml" : FHIR_JSON;
        return post(document.text(), type);
    }

    private static Response post(String text, String contentType) {
        return given().auth().oauth2(Tokens.referralSource()).contentType(contentType)
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/fhir/Bundle");
    }

    private static UUID accepted(Response response) {
        response.then().statusCode(201).body("issue[0].severity", is("information"));
        return BundleIngestionTest.referralIdOf(response);
    }

    /** The first {@code count} events about the referral on consilium.referral, in topic order. */
    private static List<EventEnvelope<ConsiliumEvent>> eventsOf(UUID referralId, int count) {
        return TestKafka.awaitRecords(Topics.REFERRAL, r -> r.key().equals(referralId.toString()), count, WAIT)
                .stream().map(r -> TestKafka.decode(r).orElseThrow()).toList();
    }

    private String status(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select status from referral where id = ?1").setParameter(1, referralId)
                .getSingleResult());
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The base64 payload of the (one) PDF in an XML sample. */
    private static byte[] embeddedBytes(String xml) {
        String data = xml.replaceAll("(?s).*<data value=\"([^\"]+)\"/>.*", "$1");
        return Base64.getDecoder().decode(data);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
