package nl.consilium.consult;

import static nl.consilium.consult.Api.WAIT;
import static nl.consilium.consult.Api.get;
import static nl.consilium.consult.Api.mulder;
import static nl.consilium.consult.Api.smit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.Topics;
import nl.consilium.events.intake.DossierDocumentAdded;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Intake's DossierDocumentAdded (from Kafka) fills the consult's dossier, whether it arrives before
 * or after the consult exists; each entry links to intake, which serves the bytes.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class DossierTest {

    private static final String LETTER_SHA256 = "9f2c" + "0".repeat(56) + "a1b2";
    private static final String MRI_SHA256 = "ab".repeat(32);

    @Inject
    EntityManager entityManager;

    private static DossierDocumentAdded document(Referral referral, String title, String contentType, long size,
            String sha256, Instant addedAt) {
        return new DossierDocumentAdded(referral.referralId(), referral.patientId(), UUID.randomUUID(), title,
                contentType, size, sha256, addedAt);
    }

    private static String downloadPath(Referral referral, DossierDocumentAdded document) {
        return "/api/intake/cases/" + referral.referralId() + "/dossier/documents/" + document.documentId();
    }

    @Test
    void documentsAddedBeforeAndAfterTheConsultExistsAreListedWithIntakesDownloadLink() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        DossierDocumentAdded letter = document(referral, "Ontslagbrief cardiologie", "application/pdf", 48_213,
                LETTER_SHA256, Instant.parse("2026-11-23T09:00:00Z"));
        TestKafka.publish(ConsultFixtures.envelope(letter, "intake"));
        await().atMost(WAIT).until(() -> documentRows(id) == 1);
        // before the consult: kept, nothing else made
        assertThat(count("select count(*) from consult where referral_id = ?1", id)).isZero();

        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        Api.awaitStatus(id, "SCHEDULED");
        get(smit(), id).statusCode(200)
                .body("dossier", hasSize(1))
                .body("dossier[0].documentId", is(letter.documentId().toString()))
                .body("dossier[0].title", is("Ontslagbrief cardiologie"))
                .body("dossier[0].contentType", is("application/pdf"))
                .body("dossier[0].size", is(48_213))
                .body("dossier[0].sha256", is(LETTER_SHA256))
                .body("dossier[0].source", is("INTAKE"))
                .body("dossier[0].addedAt", is("2026-11-23T09:00:00Z"))
                .body("dossier[0].downloadUrl", is(downloadPath(referral, letter)));

        // after the consult exists; and another referral's document stays out
        DossierDocumentAdded mri = document(referral, "MRI-verslag", "image/png", 1_024, MRI_SHA256,
                Instant.parse("2026-11-23T11:30:00Z"));
        Referral other = Referral.fresh();
        TestKafka.publish(ConsultFixtures.envelope(document(other, "Brief", "application/pdf", 10, MRI_SHA256,
                Instant.parse("2026-11-23T10:00:00Z")), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(mri, "intake"));
        await().atMost(WAIT).untilAsserted(() -> get(smit(), id).statusCode(200).body("dossier", hasSize(2)));
        get(smit(), id).statusCode(200)
                .body("dossier.documentId", contains(letter.documentId().toString(), mri.documentId().toString()))
                .body("dossier.title", contains("Ontslagbrief cardiologie", "MRI-verslag"))
                .body("dossier.downloadUrl", contains(downloadPath(referral, letter), downloadPath(referral, mri)));
        get(Tokens.coordinator(), id).statusCode(200)
                .body("dossier.documentId", contains(letter.documentId().toString(), mri.documentId().toString()));
    }

    @Test
    void anotherSpecialistSeesNeitherTheConsultNorItsDossier() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        TestKafka.publish(ConsultFixtures.envelope(document(referral, "Ontslagbrief", "application/pdf", 100,
                LETTER_SHA256, Instant.parse("2026-11-23T09:00:00Z")), "intake"));
        await().atMost(WAIT).untilAsserted(() -> get(smit(), id).statusCode(200).body("dossier", hasSize(1)));

        get(mulder(), id).statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:not-found"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("dossier")));
        List<Object[]> denied = rows("select action, user_subject from audit_log where patient_id = ?1"
                + " and outcome = 'DENIED'", referral.patientId());
        assertThat(denied).extracting(r -> r[0] + " " + r[1])
                .containsExactly("consult.read specialist-" + ConsultFixtures.MULDER_AGB);
    }

    @Test
    void aRedeliveredDocumentIsListedOnce() {
        Referral referral = Referral.fresh();
        UUID id = referral.referralId();
        EventEnvelope<DossierDocumentAdded> added = ConsultFixtures.envelope(document(referral, "Ontslagbrief",
                "application/pdf", 100, LETTER_SHA256, Instant.parse("2026-11-23T09:00:00Z")), "intake");
        TestKafka.publish(added);
        TestKafka.publish(added);
        // the same document in a new envelope (intake never does that, but it must not double either)
        TestKafka.publish(ConsultFixtures.envelope(added.data(), "intake"));
        // a later event on the same partition proves the consumer is past the copies
        Referral marker = Referral.fresh();
        TestKafka.send(Topics.INTAKE, id.toString(), EventCodec.encode(ConsultFixtures.envelope(marker.intake(),
                "intake")));
        Api.awaitStatus(marker.referralId(), "AWAITING_BOOKING");

        assertThat(documentRows(id)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = 'consult.intake-events'"
                + " and event_id = ?1", added.id())).isEqualTo(1);
        TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
        TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
        Api.awaitStatus(id, "SCHEDULED");
        get(smit(), id).statusCode(200).body("dossier", hasSize(1));
    }

    private long documentRows(UUID referralId) {
        return count("select count(*) from dossier_document where referral_id = ?1", referralId);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getResultList());
    }
}
