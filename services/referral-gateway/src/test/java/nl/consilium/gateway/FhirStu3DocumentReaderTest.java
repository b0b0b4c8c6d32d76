package nl.consilium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.gateway.domain.document.AppointmentRequestDocument;
import nl.consilium.gateway.domain.document.Attachment;
import nl.consilium.gateway.domain.document.CancellationDocument;
import nl.consilium.gateway.domain.document.Coded;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentHeader;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.gateway.domain.document.QuestionnaireAnswers;
import nl.consilium.gateway.domain.document.QuestionnaireDocument;
import nl.consilium.gateway.domain.document.ReferralLetterDocument;
import nl.consilium.gateway.domain.document.ReferredPatient;
import nl.consilium.gateway.domain.document.Referrer;
import nl.consilium.gateway.domain.document.SupplementDocument;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;
import nl.consilium.gateway.domain.document.stu3.FhirStu3DocumentReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HAPI FHIR STU3 reader over the sample documents (JSON and XML) and the ways a document is rejected. */
class FhirStu3DocumentReaderTest {

    private static final FhirStu3DocumentReader READER = new FhirStu3DocumentReader();
    private static final OffsetDateTime COMPOSED = OffsetDateTime.parse("2026-11-23T09:15:30+01:00");
    private static final ReferredPatient PATIENT = new ReferredPatient("999999990", "Maria van den Berg",
            LocalDate.of(1958, 9, 14), "female", "0612345678", "maria.vandenberg@example.org");
    private static final Referrer REFERRER = new Referrer("01123456", "Pieter Bakker", new Coded("01.015", "Huisarts"),
            new Referrer.Organisation("Huisartsenpraktijk Het Anker", "01054321"));
    /** Patient data that no rejection may quote. */
    private static final List<String> PATIENT_DATA = List.of("999999990", "Maria", "Berg", "1958", "0612345678",
            "maria.vandenberg");

    enum Format {
        JSON(DocumentFormat.JSON, ".json"), XML(DocumentFormat.XML, ".xml");

        final DocumentFormat format;
        final String extension;

        Format(DocumentFormat format, String extension) {
            this.format = format;
            this.extension = extension;
        }
    }

    private static ZorgDomeinDocument read(String sample, Format format) {
        return READER.read(Samples.bytes(sample + format.extension), format.format);
    }

    private static DocumentHeader header(int n, DocumentType type, String title) {
        return new DocumentHeader(Samples.BUNDLE_ID_PREFIX + n, Samples.ZD_NUMBER, type, COMPOSED, title);
    }

    // --- every document type, every field --------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void anAppointmentRequestGivesPatientReferrerProductAndTreatingParty(Format format) {
        ZorgDomeinDocument document = read("appointment-request", format);
        assertThat(document).isEqualTo(new AppointmentRequestDocument(
                header(1, DocumentType.APPOINTMENT_REQUEST, "Verwijzing digitale second opinion Cardiologie"),
                PATIENT, REFERRER, new Coded("SECOND_OPINION", "Digitale second opinion"),
                new AppointmentRequestDocument.Treating(new Coded("cardiology", "Cardiologie"),
                        "Ziekenhuis Noorderhaven", "Johanna Smit")));
        assertThat(document.bundleId()).isEqualTo(Samples.BUNDLE_ID_PREFIX + 1);
        assertThat(document.zorgDomeinNumber()).isEqualTo(Samples.ZD_NUMBER);
        assertThat(document.type()).isEqualTo(DocumentType.APPOINTMENT_REQUEST);
        assertNoPatientData(document.toString());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aReferralLetterGivesItsPdfWithChecksum(Format format) throws Exception {
        ReferralLetterDocument letter = (ReferralLetterDocument) read("referral-letter", format);
        assertThat(letter.header()).isEqualTo(header(2, DocumentType.REFERRAL_LETTER,
                "Verwijsbrief digitale second opinion"));
        assertThat(letter.patient()).isEqualTo(PATIENT);
        assertThat(letter.referrer()).isEqualTo(REFERRER);
        assertThat(letter.attachments()).hasSize(1);
        Attachment pdf = letter.attachments().getFirst();
        assertThat(pdf.title()).isEqualTo("Verwijsbrief cardiologie.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.detectedContentType()).isEqualTo("application/pdf");
        assertThat(pdf.check()).isEqualTo(Attachment.ContentCheck.VERIFIED);
        assertThat(pdf.size()).isEqualTo(607);
        assertThat(new String(pdf.data(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
        assertThat(new String(pdf.data(), StandardCharsets.US_ASCII)).endsWith("%%EOF\n");
        assertThat(pdf.sha256()).isEqualTo("f0c9cd3365b8a88eb1064c60bbaea7d96276c21f4e3905b9b3d770e514c01a5c")
                .isEqualTo(sha256(pdf.data()));
        assertThat(pdf.toString()).doesNotContain("PDF-1.4");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aQuestionnaireGivesTheSituationAndTheReasons(Format format) {
        QuestionnaireDocument questionnaire = (QuestionnaireDocument) read("questionnaire", format);
        assertThat(questionnaire.header()).isEqualTo(header(3, DocumentType.QUESTIONNAIRE,
                "Vragenlijst digitale second opinion"));
        assertThat(questionnaire.patient()).isEqualTo(PATIENT);
        assertThat(questionnaire.referrer()).isEqualTo(REFERRER);
        assertThat(questionnaire.answers()).isEqualTo(new QuestionnaireAnswers(true, false, false, true,
                List.of("diagnosis-doubt", "treatment-choice"), "Patiënte twijfelt tussen medicatie en een ablatie."));
        assertThat(questionnaire.answers().toString()).doesNotContain("ablatie");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aSupplementGivesADocumentReferenceToABinaryAndALooseBinary(Format format) {
        SupplementDocument supplement = (SupplementDocument) read("supplement", format);
        assertThat(supplement.header()).isEqualTo(header(4, DocumentType.SUPPLEMENT, "Aanvulling op de verwijzing"));
        assertThat(supplement.patient()).isEqualTo(PATIENT);
        assertThat(supplement.referrer()).isEqualTo(REFERRER);
        assertThat(supplement.attachments()).extracting(Attachment::title, Attachment::contentType,
                        Attachment::detectedContentType, Attachment::check, Attachment::size, Attachment::sha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ecg.png", "image/png", "image/png",
                                Attachment.ContentCheck.VERIFIED, 69L,
                                "e878950f8091ec010cf5cc723bdea027a8539cf7147cfea199c2f666232dcd4e"),
                        org.assertj.core.groups.Tuple.tuple(null, "text/plain", null, Attachment.ContentCheck.VERIFIED,
                                52L, "09001839bfdfe5824dd31c7bb420f361aa45f18c49533775873c9d1e55a37ddc"));
        assertThat(new String(supplement.attachments().get(1).data(), StandardCharsets.UTF_8))
                .startsWith("Aanvullende informatie");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aCancellationGivesItsReason(Format format) {
        CancellationDocument cancellation = (CancellationDocument) read("cancellation", format);
        assertThat(cancellation).isEqualTo(new CancellationDocument(
                header(5, DocumentType.CANCELLATION, "Annulering verwijzing"), PATIENT, REFERRER,
                new CancellationDocument.Reason("patient-withdrew", "Patiënt ziet af van de second opinion")));
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void jsonAndXmlGiveEqualModels(DocumentType type) {
        ZorgDomeinDocument json = read(type.code(), Format.JSON);
        ZorgDomeinDocument xml = read(type.code(), Format.XML);
        assertThat(json.type()).isEqualTo(type);
        assertThat(xml).isEqualTo(json);
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void freshCopiesOfTheSamplesAreNewDocumentsOfANewReferral(DocumentType type) {
        for (Format format : Format.values()) {
            Samples.Fresh fresh = Samples.fresh(type.code() + format.extension);
            ZorgDomeinDocument document = READER.read(fresh.text().getBytes(StandardCharsets.UTF_8), format.format);
            assertThat(document.bundleId()).isEqualTo(fresh.bundleId());
            assertThat(document.zorgDomeinNumber()).isEqualTo(fresh.zdNumber());
            assertThat(document.patient().bsn()).isEqualTo(fresh.bsn());
            assertThat(document.type()).isEqualTo(type);
        }
    }

    @Test
    void oneSharedContextReadsConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ZorgDomeinDocument>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Format format = Format.values()[i % 2];
                DocumentType type = DocumentType.values()[i % 5];
                results.add(pool.submit(() -> read(type.code(), format)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(read(DocumentType.values()[i % 5].code(), Format.JSON));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- forgiving where real traffic varies ------------------------------------------------------

    @Test
    void unknownElementsAndExtensionsAreIgnored() {
        ZorgDomeinDocument expected = read("appointment-request", Format.JSON);
        String json = Samples.text("appointment-request.json").replace("\"gender\": \"female\",",
                "\"gender\": \"female\", \"zdExtra\": {\"nested\": [1, 2]}, \"_birthDate\": {\"extension\": "
                        + "[{\"url\": \"http://example.org/unknown\", \"valueBoolean\": true}]},");
        assertThat(READER.read(json.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON)).isEqualTo(expected);
        String xml = Samples.text("appointment-request.xml").replace("<gender value=\"female\"/>",
                "<gender value=\"female\"/><zdExtra value=\"x\"><nested/></zdExtra>");
        assertThat(READER.read(xml.getBytes(StandardCharsets.UTF_8), DocumentFormat.XML)).isEqualTo(expected);
    }

    @Test
    void aPartialBirthDateIsUnknownAndANameWithoutTextIsGivenAndFamily() {
        String json = Samples.text("appointment-request.json").replace("\"birthDate\": \"1958-09-14\"",
                "\"birthDate\": \"1958-09\"").replace("\"text\": \"Maria van den Berg\",", "");
        var document = READER.read(json.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON);
        assertThat(document.patient().birthDate()).isNull();
        assertThat(document.patient().name()).isEqualTo("Maria van den Berg");
    }

    // --- strict where ZorgDomein is strict --------------------------------------------------------

    @Test
    void unreadableBodiesAreStructureErrorsWithALineNumber() {
        rejected("{\"resourceType\": \"Bundle\", ", DocumentFormat.JSON, 400, "structure", null, "line 1");
        rejected("<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"b\"/>", DocumentFormat.XML, 400, "structure", null,
                "line 1");
        rejected("[]", DocumentFormat.JSON, 400, "structure", null, "JSON object");
        rejected("", DocumentFormat.XML, 400, "structure", null, "empty");
        rejected("{\"resourceType\":\"Bundle\",\"id\":\"a\",\"id\":\"b\"}", DocumentFormat.JSON, 400, "structure", null,
                "repeats a property");
        rejected("{\"resourceType\":\"Bundle\"} {}", DocumentFormat.JSON, 400, "structure", null, "after");
        rejected("{\"resourceType\":\"NoSuchResource\"}", DocumentFormat.JSON, 400, "structure", null, "STU3");
        rejected(Samples.text("appointment-request.json"), DocumentFormat.XML, 400, "structure", null, "XML");
        assertThatThrownBy(() -> READER.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}, DocumentFormat.JSON))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.issueCode()).isEqualTo("structure"));
    }

    @Test
    void xmlEntitiesAreNotResolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Bundle [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"&x;\"/><type value=\"document\"/></Bundle>";
        rejected(xml, DocumentFormat.XML, 400, "structure", null, "XML");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void notADocumentBundleWithItsCompositionFirstIsRejected(Format format) {
        boolean json = format == Format.JSON;
        rejectedSample("appointment-request", format, s -> s.replaceFirst(json ? "\"type\": \"document\""
                : "<type value=\"document\"/>", json ? "\"type\": \"collection\"" : "<type value=\"collection\"/>"),
                400, "invalid", "Bundle.type");
        rejectedSample("appointment-request", format, s -> s.replaceFirst(json ? "\"type\": \"document\""
                : "<type value=\"document\"/>", json ? "\"type\": \"docs\"" : "<type value=\"docs\"/>"),
                400, "invalid", "Bundle.type");
        rejectedSample("appointment-request", format, s -> json
                ? s.replaceFirst("\"resourceType\": \"Bundle\"", "\"resourceType\": \"Patient\"")
                : s.replace("<Bundle xmlns", "<Patient xmlns").replace("</Bundle>", "</Patient>"),
                400, "invalid", "Bundle.resourceType");
        rejectedSample("appointment-request", format, s -> s.replace(json ? "\"resourceType\": \"Composition\""
                : "<Composition>", json ? "\"resourceType\": \"Basic\"" : "<Basic>").replace("</Composition>", "</Basic>"),
                400, "structure", "Bundle.entry[0].resource");
        rejectedSample("appointment-request", format, s -> s.replace("1a000000-0000-4000-8000-000000000001",
                "bad id!"), 400, "invalid", "Bundle.id");
        rejectedSample("appointment-request", format, s -> s.replace(Samples.ZD_NUMBER, "ZD12345"), 400, "invalid",
                "Composition.identifier");
        rejectedSample("appointment-request", format, s -> s.replace("\"appointment-request\"", "\"verwijzing\"")
                .replace("value=\"appointment-request\"", "value=\"verwijzing\""), 422, "not-supported",
                "Composition.type");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void invalidValuesNameTheElementAndNotTheValue(Format format) {
        boolean json = format == Format.JSON;
        rejectedSample("appointment-request", format, s -> s.replace(json ? "\"gender\": \"female\""
                : "<gender value=\"female\"/>", json ? "\"gender\": \"Maria-vrouw\"" : "<gender value=\"Maria-vrouw\"/>"),
                400, "invalid", "Patient.gender");
        rejectedSample("appointment-request", format, s -> s.replace("1958-09-14", "14-09-1958"), 400, "invalid",
                "Patient.birthDate");
        rejectedSample("appointment-request", format, s -> s.replace(Samples.BSN, "123456789"), 422, "value",
                "Patient.identifier");
        rejectedSample("appointment-request", format, s -> s.replace("01123456", "0112"), 422, "value",
                "Practitioner.identifier");
    }

    @Test
    void aTypeTheCallerDoesNotTakeIsNotSupported() {
        assertThatThrownBy(() -> READER.read(Samples.bytes("referral-letter.xml"), DocumentFormat.XML,
                EnumSet.of(DocumentType.APPOINTMENT_REQUEST)))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.issueCode()).isEqualTo("not-supported");
                    assertThat(e.expression()).isEqualTo("Composition.type");
                    assertThat(e.getMessage()).contains("'referral-letter'").contains("appointment-request");
                });
    }

    @Test
    void aDeclaredContentTypeThatDoesNotMatchTheBytesIsRejected() {
        assertThatThrownBy(() -> READER.read(Samples.bytes("supplement-content-type-mismatch.json"),
                DocumentFormat.JSON)).isInstanceOfSatisfying(DocumentRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.issueCode()).isEqualTo("invalid");
                    assertThat(e.expression()).isEqualTo("Bundle.entry[5].resource.content[0].attachment.contentType");
                    assertThat(e.getMessage()).contains("application/pdf").contains("image/png");
                });
        // the same bytes declared as what they are are fine
        String fixed = Samples.text("supplement-content-type-mismatch.json")
                .replace("\"contentType\": \"application/pdf\"", "\"contentType\": \"image/png\"");
        SupplementDocument supplement = (SupplementDocument) READER.read(fixed.getBytes(StandardCharsets.UTF_8),
                DocumentFormat.JSON);
        assertThat(supplement.attachments()).extracting(Attachment::detectedContentType).containsExactly("image/png");
        // text that is really a PDF is a mismatch too; octet-stream cannot be checked but is taken
        String pdfAsText = Samples.text("referral-letter.json")
                .replace("\"contentType\": \"application/pdf\"", "\"contentType\": \"text/plain\"");
        rejected(pdfAsText, DocumentFormat.JSON, 400, "invalid",
                "Bundle.entry[5].resource.content[0].attachment.contentType", "application/pdf");
        String octets = Samples.text("referral-letter.json")
                .replace("\"contentType\": \"application/pdf\"", "\"contentType\": \"application/octet-stream\"");
        Attachment attachment = ((ReferralLetterDocument) READER.read(octets.getBytes(StandardCharsets.UTF_8),
                DocumentFormat.JSON)).attachments().getFirst();
        assertThat(attachment.check()).isEqualTo(Attachment.ContentCheck.UNVERIFIABLE);
        assertThat(attachment.detectedContentType()).isEqualTo("application/pdf");
    }

    @Test
    void attachmentsMustBeWhole() {
        rejectedSample("referral-letter", Format.JSON, s -> s.replace("\"size\": 607", "\"size\": 608"), 400,
                "invalid", "Bundle.entry[5].resource.content[0].attachment.size");
        rejectedSample("referral-letter", Format.JSON, s -> s.replaceFirst("\"hash\": \"[^\"]+\"",
                "\"hash\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAA=\""), 400, "invalid",
                "Bundle.entry[5].resource.content[0].attachment.hash");
        rejected(Samples.text("referral-letter.json").replaceFirst("\"data\": \"JVBER", "\"data\": \"%%%JVBER"),
                DocumentFormat.JSON, 400, "invalid", null, "'data'");
        rejectedSample("supplement", Format.XML, s -> s.replace("<url value=\"urn:uuid:6f1c0a52-3c1e-4c55-9d0e-0a1b2c3d4e09\"/>",
                "<url value=\"https://example.org/ecg.png\"/>"), 422, "not-supported",
                "Bundle.entry[5].resource.content[0].attachment.url");
        rejectedSample("referral-letter", Format.XML, s -> s.replaceAll("(?s)<entry>\\s*<fullUrl value=\"[^\"]+4e08\"/>"
                + ".*?</entry>", ""), 400, "required", "Bundle.entry");
    }

    @Test
    void aQuestionnaireAnswersWithBooleansAndACancellationGivesAReason() {
        rejectedSample("questionnaire", Format.JSON, s -> s.replaceFirst("\"valueBoolean\": false", "\"valueString\": \"nee\""),
                400, "invalid", "QuestionnaireResponse.item.where(linkId='satisfied').answer.value");
        rejectedSample("questionnaire", Format.XML, s -> s.replaceAll("(?s)<QuestionnaireResponse>.*</QuestionnaireResponse>",
                "<Basic><code><text value=\"x\"/></code></Basic>"), 400, "required", "Composition.section.entry");
        rejectedSample("cancellation", Format.XML, s -> s.replaceAll("(?s)<extension url=\"https://consilium.nl/fhir/"
                + "StructureDefinition/cancellation-reason\">.*?</extension>", ""), 400, "required",
                "ReferralRequest.extension('https://consilium.nl/fhir/StructureDefinition/cancellation-reason')");
        rejectedSample("cancellation", Format.JSON, s -> s.replace("\"status\": \"cancelled\"", "\"status\": \"active\""),
                400, "invalid", "ReferralRequest.status");
    }

    @Test
    void referencesMustResolveInTheBundle() {
        rejectedSample("appointment-request", Format.JSON, s -> s.replaceFirst(
                "\"reference\": \"urn:uuid:6f1c0a52-3c1e-4c55-9d0e-0a1b2c3d4e02\"", "\"reference\": \"urn:uuid:nowhere\""),
                400, "structure", "Composition.subject");
        rejectedSample("appointment-request", Format.XML, s -> s.replace("<system value=\"http://fhir.nl/fhir/NamingSystem/bsn\"/>",
                "<system value=\"http://example.org/other\"/>"), 400, "required", "Patient.identifier");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static void rejectedSample(String sample, Format format, UnaryOperator<String> change, int status,
            String code, String expression) {
        String original = Samples.text(sample + format.extension);
        String changed = change.apply(original);
        assertThat(changed).as("the change applies").isNotEqualTo(original);
        rejected(changed, format.format, status, code, expression, null);
    }

    private static void rejected(String body, DocumentFormat format, int status, String code, String expression,
            String diagnosticsContain) {
        assertThatThrownBy(() -> READER.read(body.getBytes(StandardCharsets.UTF_8), format))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> {
                    assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
                    assertThat(e.issueCode()).as(e.getMessage()).isEqualTo(code);
                    assertThat(e.expression()).as(e.getMessage()).isEqualTo(expression);
                    assertThat(e.getMessage()).hasSizeGreaterThan(10).doesNotContain("HAPI");
                    if (diagnosticsContain != null) {
                        assertThat(e.getMessage()).contains(diagnosticsContain);
                    }
                    assertNoPatientData(e.getMessage());
                });
    }

    private static void assertNoPatientData(String text) {
        for (String value : PATIENT_DATA) {
            assertThat(text).doesNotContain(value);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
