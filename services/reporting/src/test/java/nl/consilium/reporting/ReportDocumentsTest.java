package nl.consilium.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.reporting.service.ReportingProjection;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The report in its three forms (JSON, PDF letter, FHIR R4) over HTTP: read back with PDFBox and
 * HAPI FHIR R4; withheld in every form when the patient objected; another GP's is not found; every
 * read audited per form.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReportDocumentsTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final List<String> FORMATS = List.of("/api/gp/referrals/{id}/report",
            "/api/gp/referrals/{id}/report/pdf", "/api/gp/referrals/{id}/report/fhir");

    @Inject
    ReportingProjection projection;

    @Inject
    EntityManager entityManager;

    private ReportingFixtures after(ReportingFixtures r, int steps) {
        r.lifecycle().subList(0, steps).forEach(projection::apply);
        return r;
    }

    @Test
    void theGpReadsTheLetterAsARealPdfWithPatientQuestionConclusionAndSignature() throws IOException {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        byte[] pdf = given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}/report/pdf", r.referralId())
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", is("inline; filename=\"second-opinion-" + r.zdNumber() + ".pdf\""))
                .extract().asByteArray();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains(
                "Verslag van de second opinion",
                r.zdNumber(),
                "Naam: " + ReportingFixtures.PATIENT_NAME,
                "Geboortedatum: 31-01-1970",
                "Vraagstelling", ReportingFixtures.QUESTION,
                "Bevindingen", ReportingFixtures.FINDINGS,
                "Conclusie", "Bevestigt het beleid van de behandelend arts",
                "Aanbevelingen", ReportingFixtures.RECOMMENDATIONS,
                "Ondertekening", ReportingFixtures.SPECIALIST + ", onafhankelijk medisch specialist (AGB 03111111)",
                "Ondertekend door specialist-03111111 op 27-11-2026 09:59",
                "H. Jansen, Praktijk Jansen (AGB " + r.referrerAgb() + ")");
        assertThat(auditActions(r.patientId())).containsExactly("consult-report-pdf.read SUCCESS");
    }

    @Test
    void theReportAsFhirR4ParsesWithHapiAndCarriesThePdfPatientAndPractitioner() throws Exception {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        String json = given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}/report/fhir", r.referralId())
                .then().statusCode(200).contentType("application/fhir+json")
                .extract().asString();

        Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).hasSize(3);
        Map<String, Resource> byUrl = bundle.getEntry().stream()
                .collect(Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl, Bundle.BundleEntryComponent::getResource));
        DocumentReference document = (DocumentReference) bundle.getEntryFirstRep().getResource();
        Patient patient = (Patient) byUrl.get(document.getSubject().getReference());
        Practitioner practitioner = (Practitioner) byUrl.get(document.getAuthorFirstRep().getReference());

        assertThat(document.getStatus().toCode()).isEqualTo("current");
        assertThat(document.getDocStatus().toCode()).isEqualTo("final");
        assertThat(document.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("11488-4");
        assertThat(document.getDate().toInstant()).isEqualTo(r.completedAt().minusSeconds(60));
        var attachment = document.getContentFirstRep().getAttachment();
        assertThat(attachment.getContentType()).isEqualTo("application/pdf");
        byte[] pdf = attachment.getData();
        assertThat(attachment.getSize()).isEqualTo(pdf.length);
        assertThat(attachment.getHash()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(pdf));
        assertThat(text(pdf)).contains(ReportingFixtures.QUESTION, "Bevestigt het beleid van de behandelend arts",
                "Ondertekend door specialist-03111111");

        assertThat(patient).isNotNull();
        assertThat(patient.getIdentifier()).singleElement().satisfies(id -> {
            assertThat(id.getSystem()).isEqualTo("urn:ietf:rfc:3986");
            assertThat(id.getValue()).isEqualTo("urn:uuid:" + r.patientId());
        });
        assertThat(json).doesNotContain("http://fhir.nl/fhir/NamingSystem/bsn");
        assertThat(patient.getNameFirstRep().getText()).isEqualTo(ReportingFixtures.PATIENT_NAME);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1970-01-31");

        assertThat(practitioner).isNotNull();
        assertThat(practitioner.getIdentifier()).singleElement().satisfies(id -> {
            assertThat(id.getSystem()).isEqualTo("http://fhir.nl/fhir/NamingSystem/agb-z");
            assertThat(id.getValue()).isEqualTo("03111111");
        });
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo(ReportingFixtures.SPECIALIST);
        assertThat(auditActions(r.patientId())).containsExactly("consult-report-fhir.read SUCCESS");
    }

    @Test
    void everyFormOfTheReportIsReadAndAuditedSeparately() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        String gp = Tokens.gp(r.referrerAgb());
        for (String path : FORMATS) {
            given().auth().oauth2(gp).get(path, r.referralId()).then().statusCode(200);
        }
        assertThat(auditActions(r.patientId())).containsExactly("consult-report.read SUCCESS",
                "consult-report-pdf.read SUCCESS", "consult-report-fhir.read SUCCESS");
    }

    @Test
    void anObjectedReportIsWithheldInEveryFormAndNoPdfIsMade() {
        ReportingFixtures r = after(ReportingFixtures.referral().objecting(), 4);
        String gp = Tokens.gp(r.referrerAgb());
        for (String path : FORMATS) {
            byte[] body = given().auth().oauth2(gp).get(path, r.referralId())
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", is("urn:consilium:problem:report-withheld"))
                    .extract().asByteArray();
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("%PDF", ReportingFixtures.FINDINGS, ReportingFixtures.QUESTION,
                    ReportingFixtures.RECOMMENDATIONS, "Bundle", "DocumentReference");
        }
        // it shows that the report exists and is withheld, and nothing of it
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId())
                .then().statusCode(200).body("status", is("REPORT_WITHHELD"))
                .body("report.exists", is(true)).body("report.withheld", is(true));
        assertThat(auditActions(r.patientId())).containsExactly("consult-report.read DENIED",
                "consult-report-pdf.read DENIED", "consult-report-fhir.read DENIED", "gp-referral.read SUCCESS");
    }

    @Test
    void anotherGpGetsNoFormAndNothingIsAudited() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 4);
        String otherGp = Tokens.gp(ReportingFixtures.randomGpAgb());
        for (String path : FORMATS) {
            given().auth().oauth2(otherGp).get(path, r.referralId()).then().statusCode(404)
                    .contentType("application/problem+json").body("type", is("urn:consilium:problem:not-found"));
            given().auth().oauth2(Tokens.coordinator()).get(path, r.referralId()).then().statusCode(403);
            given().get(path, r.referralId()).then().statusCode(401);
        }
        assertThat(auditActions(r.patientId())).isEmpty();
    }

    @Test
    void aReportThatIsNotFinalIsNotAvailableInAnyForm() {
        ReportingFixtures r = after(ReportingFixtures.referral(), 3);
        for (String path : FORMATS) {
            given().auth().oauth2(Tokens.gp(r.referrerAgb())).get(path, r.referralId()).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("urn:consilium:problem:report-not-available"));
        }
    }

    @Test
    void textTheLetterFontCannotShowAndLongTextStillMakeAReadableLetter() throws IOException {
        ReportingFixtures r = after(ReportingFixtures.referral(), 3);
        String longFindings = "Lange bevinding met veel woorden. ".repeat(400)
                + "Eenwoordzonderspatiesdatveelslangerisdandebreedtevandepagina".repeat(6);
        Instant completedAt = r.completedAt();
        projection.apply(ReportingFixtures.envelope(new ConsultCompleted(r.referralId(), UUID.randomUUID(),
                r.patientId(), "03111111", r.referrerAgb(), completedAt,
                new ConsultReport("Vraag over Łódź\tmet\u0007 tab en 😀?", longFindings, Conclusion.DIFFERENT_INSIGHT,
                        "Regel één\nRegel twee\r\nRegel drie", "specialist-03111111", completedAt),
                false), completedAt));

        byte[] pdf = given().auth().oauth2(Tokens.gp(r.referrerAgb()))
                .get("/api/gp/referrals/{id}/report/pdf", r.referralId())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        assertThat(text).contains("Vraag over ?ód? met tab en ??", "Andere medische inzichten",
                "Regel één", "Regel twee", "Regel drie", "pagina 2 van");
    }

    @Test
    void addendaFreeTextAndTheSignersNameAreInEveryFormAndNotShownWhenWithheld() throws Exception {
        ReportingFixtures r = after(ReportingFixtures.referral(), 3);
        Instant completedAt = r.completedAt();
        projection.apply(ReportingFixtures.envelope(new ConsultCompleted(r.referralId(), r.consultId(), r.patientId(),
                "03111111", r.referrerAgb(), completedAt,
                new ConsultReport(ReportingFixtures.QUESTION, ReportingFixtures.FINDINGS, Conclusion.CONFIRMS_POLICY,
                        ReportingFixtures.RECOMMENDATIONS, "specialist-03111111", completedAt.minusSeconds(60),
                        "Bespreek de uitslag binnen twee weken.", "dr. J. Smit"),
                false), completedAt));
        projection.apply(ReportingFixtures.envelope(r.amended(), r.amendedAt()));
        // the same addendum again (another event id): one addendum
        projection.apply(ReportingFixtures.envelope(r.amended(), r.amendedAt()));
        String gp = Tokens.gp(r.referrerAgb());

        given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report", r.referralId()).then().statusCode(200)
                .body("freeText", is("Bespreek de uitslag binnen twee weken."))
                .body("signedByName", is("dr. J. Smit"))
                .body("specialistName", is("dr. J. Smit"))
                .body("addenda.size()", is(1))
                .body("addenda[0].sequence", is(1))
                .body("addenda[0].text", is(ReportingFixtures.ADDENDUM))
                .body("addenda[0].signedAt", is(r.amendedAt().toString()));
        given().auth().oauth2(gp).get("/api/gp/referrals/{id}", r.referralId()).then().statusCode(200)
                .body("timeline.milestone[5]", is("REPORT_AMENDED"))
                .body("timeline[5].at", is(r.amendedAt().toString()));
        byte[] pdf = given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report/pdf", r.referralId())
                .then().statusCode(200).extract().asByteArray();
        assertThat(text(pdf)).contains("Toelichting", "Bespreek de uitslag binnen twee weken.",
                "Ondertekend door dr. J. Smit (specialist-03111111) op 27-11-2026 09:59",
                "Aanvulling 1", ReportingFixtures.ADDENDUM, "Ondertekend door " + ReportingFixtures.SPECIALIST
                        + " (specialist-03111111) op 28-11-2026 10:00");
        String fhir = given().auth().oauth2(gp).get("/api/gp/referrals/{id}/report/fhir", r.referralId())
                .then().statusCode(200).extract().asString();
        Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, fhir);
        byte[] attached = ((DocumentReference) bundle.getEntryFirstRep().getResource()).getContentFirstRep()
                .getAttachment().getData();
        assertThat(text(attached)).contains(ReportingFixtures.ADDENDUM);

        // an addendum to a withheld report shows nowhere
        ReportingFixtures withheld = after(ReportingFixtures.referral().objecting(), 4);
        projection.apply(ReportingFixtures.envelope(withheld.amended(), withheld.amendedAt()));
        String detail = given().auth().oauth2(Tokens.gp(withheld.referrerAgb()))
                .get("/api/gp/referrals/{id}", withheld.referralId()).then().statusCode(200)
                .body("status", is("REPORT_WITHHELD")).extract().asString();
        assertThat(detail).doesNotContain("REPORT_AMENDED", ReportingFixtures.ADDENDUM, "addendum");
    }

    /** The letter's text, white space collapsed (lines wrap where the layout wants). */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private List<String> auditActions(UUID patientId) {
        Function<Object[], String> line = row -> row[0] + " " + row[1];
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action, outcome from audit_log where patient_id = ?1 order by occurred_at, action")
                .setParameter(1, patientId).getResultList());
        return rows.stream().map(line).toList();
    }
}
