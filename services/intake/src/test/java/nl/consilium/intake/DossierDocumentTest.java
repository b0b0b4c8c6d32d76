package nl.consilium.intake;

import static io.restassured.RestAssured.given;
import static nl.consilium.intake.DossierFixtures.DOCUMENTS;
import static nl.consilium.intake.DossierFixtures.ITEMS;
import static nl.consilium.intake.DossierFixtures.changeItem;
import static nl.consilium.intake.DossierFixtures.claim;
import static nl.consilium.intake.DossierFixtures.requestItem;
import static nl.consilium.intake.DossierFixtures.sample;
import static nl.consilium.intake.DossierFixtures.sha256;
import static nl.consilium.intake.DossierFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.intake.service.IntakeService;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uploads to the dossier over HTTP, with real PostgreSQL and signed tokens: content type checked
 * against the bytes, size limit (1 MB in {@link DossierTestProfile}), checksum, byte-exact download.
 */
@QuarkusTest
@TestProfile(DossierTestProfile.class)
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class DossierDocumentTest {

    @Inject
    IntakeService intake;

    @Inject
    EntityManager entityManager;

    private ReferralReceived claimedCase(String nurse) {
        ReferralReceived referral = ReferralFixtures.referral();
        intake.openCase(referral);
        claim(referral.referralId(), nurse);
        return referral;
    }

    @ParameterizedTest
    @CsvSource({
            "letter.pdf, application/pdf, pdf",
            "scan.png, image/png, png",
            "photo.jpg, image/jpeg, jpg",
            "scan.tif, image/tiff, tif"})
    void anUploadedDocumentIsKeptWithItsChecksumAndDownloadedByteForByte(String file, String type, String extension) {
        String nurse = Tokens.nurse("nurse.upload");
        UUID id = claimedCase(nurse).referralId();
        byte[] data = sample(file);

        ExtractableResponse<Response> created = upload(nurse, id, "../../Jansen, P. " + file, data, type,
                "Ontslagbrief cardiologie", null)
                .statusCode(201)
                .body("title", is("Ontslagbrief cardiologie"))
                .body("contentType", is(type))
                .body("sizeBytes", is(data.length))
                .body("sha256", is(sha256(data)))
                .body("uploadedBy", is("nurse.upload"))
                .body("uploadedAt", notNullValue())
                .body("itemId", is((Object) null))
                .extract();
        String documentId = created.path("documentId");
        assertThat(created.header("Location")).endsWith("/api/intake/cases/" + id + "/dossier/documents/" + documentId);

        given().auth().oauth2(nurse).get(DOCUMENTS, id).then().statusCode(200)
                .body("documentId", contains(documentId))
                .body("sha256", contains(sha256(data)))
                .body("[0]", not(hasKey("data")));

        byte[] downloaded = given().auth().oauth2(nurse).get(DOCUMENTS + "/{documentId}", id, documentId).then()
                .statusCode(200)
                .contentType(type)
                .header("ETag", is("\"" + sha256(data) + "\""))
                .header("Repr-Digest", is("sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(sha256(data))) + ":"))
                .header("Content-Disposition",
                        is("attachment; filename=\"dossier-document-" + documentId + "." + extension + "\""))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Cache-Control", is("no-store"))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(data);
        assertThat(stored(id)).isEqualTo(1L);
    }

    @Test
    void aDocumentForAChecklistItemMarksItReceived() {
        String nurse = Tokens.nurse("nurse.items");
        UUID id = claimedCase(nurse).referralId();
        String item = requestItem(nurse, id, Map.of("kind", "IMAGING_REPORT", "requestedFrom", "TREATING_HOSPITAL"))
                .statusCode(201).extract().path("itemId");

        upload(nurse, id, "mri.pdf", sample("letter.pdf"), "application/pdf", "MRI-verslag", item)
                .statusCode(201).body("itemId", is(item));
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, item).then().statusCode(200)
                .body("status", is("RECEIVED")).body("receivedBy", is("nurse.items")).body("version", is(1));
        // a second document for the same item leaves it as it was
        upload(nurse, id, "mri-2.png", sample("scan.png"), "image/png", "MRI-beeld", item).statusCode(201);
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, item).then().statusCode(200)
                .body("status", is("RECEIVED")).body("version", is(1));

        String notNeeded = requestItem(nurse, id, Map.of("kind", "LAB_RESULTS", "requestedFrom", "GP"))
                .statusCode(201).extract().path("itemId");
        changeItem(nurse, id, notNeeded, "not-needed", 0).statusCode(200);
        upload(nurse, id, "lab.pdf", sample("letter.pdf"), "application/pdf", "Lab", notNeeded)
                .statusCode(409).body("type", is("urn:consilium:problem:dossier-item-not-needed"));
        upload(nurse, id, "lab.pdf", sample("letter.pdf"), "application/pdf", "Lab", UUID.randomUUID().toString())
                .statusCode(404);
        assertThat(stored(id)).isEqualTo(2L);

        // the case detail shows the dossier: the checklist and the documents' descriptions
        given().auth().oauth2(nurse).get(DossierFixtures.CASES, id).then().statusCode(200)
                .body("dossier.items.itemId", contains(item, notNeeded))
                .body("dossier.items.status", contains("RECEIVED", "NOT_NEEDED"))
                .body("dossier.documents.title", contains("MRI-verslag", "MRI-beeld"))
                .body("dossier.documents.itemId", contains(item, item))
                .body("dossier.documents[0]", not(hasKey("data")));
    }

    @Test
    void aPngDeclaredAsPdfIsRefusedAndNothingIsStored() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        String item = requestItem(nurse, id, Map.of("kind", "DISCHARGE_LETTER", "requestedFrom", "PATIENT"))
                .statusCode(201).extract().path("itemId");

        upload(nurse, id, "letter.pdf", sample("scan.png"), "application/pdf", "Ontslagbrief", item)
                .statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:document-content-mismatch"))
                .body("detail", containsString("image/png"));
        assertThat(stored(id)).isZero();
        given().auth().oauth2(nurse).get(DOCUMENTS, id).then().statusCode(200).body("$", empty());
        given().auth().oauth2(nurse).get(ITEMS + "/{itemId}", id, item).then().statusCode(200)
                .body("status", is("REQUESTED")).body("version", is(0));
    }

    @Test
    void executablesArchivesAndUnknownTypesAreRefused() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();

        upload(nurse, id, "setup.exe", sample("program.exe"), "application/octet-stream", "Programma", null)
                .statusCode(415).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:unsupported-document-type"));
        upload(nurse, id, "setup.exe", sample("program.exe"), "application/x-msdownload", "Programma", null)
                .statusCode(415).body("type", is("urn:consilium:problem:unsupported-document-type"));
        upload(nurse, id, "letter.pdf", sample("program.exe"), "application/pdf", "Ontslagbrief", null)
                .statusCode(422).body("type", is("urn:consilium:problem:document-content-mismatch"));
        upload(nurse, id, "records.zip", sample("archive.zip"), "application/zip", "Archief", null)
                .statusCode(415).body("type", is("urn:consilium:problem:unsupported-document-type"));
        upload(nurse, id, "scan.jpg", sample("archive.zip"), "image/jpeg", "Scan", null)
                .statusCode(422).body("type", is("urn:consilium:problem:document-content-mismatch"));
        upload(nurse, id, "note.txt", "geen pdf".getBytes(), "text/plain", "Notitie", null)
                .statusCode(415);
        upload(nurse, id, "empty.pdf", new byte[0], "application/pdf", "Leeg", null)
                .statusCode(422).body("type", is("urn:consilium:problem:empty-document"));
        assertThat(stored(id)).isZero();
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedWith413AndNothingIsStored() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();

        upload(nurse, id, "big.pdf", pdfOfSize(DossierTestProfile.MAX_DOCUMENT_SIZE + 1), "application/pdf",
                "Groot", null)
                .statusCode(413).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:document-too-large"))
                .body("detail", containsString(String.valueOf(DossierTestProfile.MAX_DOCUMENT_SIZE)));
        assertThat(stored(id)).isZero();

        byte[] atTheLimit = pdfOfSize(DossierTestProfile.MAX_DOCUMENT_SIZE);
        upload(nurse, id, "limit.pdf", atTheLimit, "application/pdf", "Precies de limiet", null)
                .statusCode(201).body("sizeBytes", is(atTheLimit.length)).body("sha256", is(sha256(atTheLimit)));
        assertThat(stored(id)).isEqualTo(1L);
    }

    @Test
    void incompleteUploadsAreProblems() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        given().auth().oauth2(nurse).multiPart("title", "Zonder bestand").post(DOCUMENTS, id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:file-missing"));
        given().auth().oauth2(nurse).multiPart("file", "a.pdf", sample("letter.pdf"), "application/pdf")
                .post(DOCUMENTS, id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:validation-failed"));
        upload(nurse, id, "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", "not-a-uuid")
                .statusCode(400).contentType("application/problem+json");
        upload(nurse, UUID.randomUUID(), "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(404).body("type", is("urn:consilium:problem:not-found"));
        assertThat(stored(id)).isZero();
    }

    @Test
    void unknownDocumentsAndDocumentsOfOtherCasesAreNotFound() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        UUID other = claimedCase(nurse).referralId();
        String document = upload(nurse, other, "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(201).extract().path("documentId");

        given().auth().oauth2(nurse).get(DOCUMENTS + "/{documentId}", id, document).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(nurse).get(DOCUMENTS + "/{documentId}", id, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(nurse).get(DOCUMENTS, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(nurse).get(DOCUMENTS + "/{documentId}", other, document).then().statusCode(200);
    }

    @Test
    void onlyTheNurseHoldingTheClaimUploadsAndNotOnACancelledReferral() {
        String holder = Tokens.nurse("nurse.holder");
        String colleague = Tokens.nurse("nurse.colleague");
        ReferralReceived referral = claimedCase(holder);
        UUID id = referral.referralId();

        upload(colleague, id, "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:consilium:problem:intake-claim-required"));
        assertThat(stored(id)).isZero();

        String document = upload(holder, id, "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(201).extract().path("documentId");
        intake.cancelCase(ReferralFixtures.cancellation(referral, Instant.parse("2026-11-23T10:00:00Z")));
        upload(holder, id, "b.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(409).body("type", is("urn:consilium:problem:intake-cancelled"));
        assertThat(stored(id)).isEqualTo(1L);
        given().auth().oauth2(holder).get(DOCUMENTS + "/{documentId}", id, document).then().statusCode(200);
    }

    @Test
    void gpsSeeNothingUnassignedSpecialistsNothingEitherAndCoordinatorsOnlyReadAndDownload() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        byte[] data = sample("letter.pdf");
        String document = upload(nurse, id, "a.pdf", data, "application/pdf", "Brief", null)
                .statusCode(201).extract().path("documentId");

        String gp = Tokens.gp(ReferralFixtures.GP_AGB);
        given().auth().oauth2(gp).get(DOCUMENTS, id).then().statusCode(403)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:forbidden"));
        given().auth().oauth2(gp).get(DOCUMENTS + "/{documentId}", id, document).then().statusCode(403);
        upload(gp, id, "b.pdf", data, "application/pdf", "Brief", null).statusCode(403);
        // a specialist reads the documents only of a consult booked with them (DossierSpecialistAccessTest)
        String specialist = Tokens.specialist("03123456", "cardiology");
        given().auth().oauth2(specialist).get(DOCUMENTS, id).then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:consilium:problem:not-found"));
        given().auth().oauth2(specialist).get(DOCUMENTS + "/{documentId}", id, document).then().statusCode(404);
        upload(specialist, id, "b.pdf", data, "application/pdf", "Brief", null).statusCode(403);
        String coordinator = Tokens.coordinator();
        given().auth().oauth2(coordinator).get(DOCUMENTS, id).then().statusCode(200).body("documentId", contains(document));
        assertThat(given().auth().oauth2(coordinator).get(DOCUMENTS + "/{documentId}", id, document).then()
                .statusCode(200).extract().asByteArray()).isEqualTo(data);
        upload(coordinator, id, "b.pdf", data, "application/pdf", "Brief", null).statusCode(403);
        given().get(DOCUMENTS + "/{documentId}", id, document).then().statusCode(401);
        assertThat(stored(id)).isEqualTo(1L);
    }

    @Test
    void everyUploadListAndDownloadIsAuditedWithThePatientAndReferral() {
        String nurse = Tokens.nurse("nurse.audit");
        ReferralReceived referral = claimedCase(nurse);
        UUID id = referral.referralId();
        String document = upload(nurse, id, "a.pdf", sample("letter.pdf"), "application/pdf", "Brief", null)
                .statusCode(201).extract().path("documentId");
        given().auth().oauth2(nurse).get(DOCUMENTS, id).then().statusCode(200);
        given().auth().oauth2(Tokens.coordinator()).get(DOCUMENTS + "/{documentId}", id, document).then()
                .statusCode(200);

        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, resource, referral_id, user_subject, outcome from audit_log"
                                + " where patient_id = ?1 and action like 'dossier-document.%' order by occurred_at")
                .setParameter(1, referral.patientId()).getResultList());
        assertThat(rows).extracting(r -> r[0]).containsExactly("dossier-document.create",
                "dossier-document.search", "dossier-document.read");
        assertThat(rows).extracting(r -> r[3]).containsExactly("nurse.audit", "nurse.audit", "coordinator");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo("dossier-document/" + document);
            assertThat(r[2]).isEqualTo(id);
            assertThat(r[4]).isEqualTo("SUCCESS");
        });
    }

    @Test
    void storedDocumentsCannotBeChangedOrDeleted() {
        String nurse = Tokens.nurse();
        UUID id = claimedCase(nurse).referralId();
        byte[] data = sample("letter.pdf");
        String document = upload(nurse, id, "a.pdf", data, "application/pdf", "Brief", null)
                .statusCode(201).extract().path("documentId");
        UUID documentId = UUID.fromString(document);

        for (String statement : List.of(
                "update dossier_document_content set data = '\\x00'::bytea where document_id = ?1",
                "delete from dossier_document_content where document_id = ?1",
                "update dossier_document set title = 'anders' where id = ?1",
                "delete from dossier_document where id = ?1")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery(statement).setParameter(1, documentId).executeUpdate()))
                    .as(statement).hasStackTraceContaining("is immutable");
        }
        assertThat(given().auth().oauth2(nurse).get(DOCUMENTS + "/{documentId}", id, document).then()
                .statusCode(200).body(not(empty())).extract().asByteArray()).isEqualTo(data);
    }

    /** How many documents, and rows of bytes, the case has: both must agree. */
    private long stored(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long documents = ((Number) entityManager.createNativeQuery(
                    "select count(*) from dossier_document where referral_id = ?1")
                    .setParameter(1, referralId).getSingleResult()).longValue();
            long contents = ((Number) entityManager.createNativeQuery(
                    "select count(*) from dossier_document_content c join dossier_document d on d.id = c.document_id"
                            + " where d.referral_id = ?1")
                    .setParameter(1, referralId).getSingleResult()).longValue();
            long orphans = ((Number) entityManager.createNativeQuery(
                    "select count(*) from dossier_document_content c where not exists"
                            + " (select 1 from dossier_document d where d.id = c.document_id)")
                    .getSingleResult()).longValue();
            assertThat(contents).as("rows of bytes").isEqualTo(documents);
            assertThat(orphans).as("bytes without a document").isZero();
            return documents;
        });
    }

    /** A body of exactly {@code size} bytes that starts like a PDF. */
    private static byte[] pdfOfSize(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) ' ');
        byte[] header = "%PDF-1.4\n".getBytes();
        System.arraycopy(header, 0, data, 0, header.length);
        return data;
    }
}
