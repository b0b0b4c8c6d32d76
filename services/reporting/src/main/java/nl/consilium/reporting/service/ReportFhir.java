package nl.consilium.reporting.service;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The report for GP-portal integration, as FHIR R4 (HAPI FHIR structures): a Bundle of type
 * {@code collection} holding the {@code DocumentReference} of the report, whose attachment is the
 * PDF letter (base64), and the {@code Patient} and {@code Practitioner} it refers to (by
 * {@code urn:uuid:} full URLs). Not a {@code document} Bundle: that would need a Composition
 * re-telling the letter; the letter is the document here.
 *
 * <ul>
 *   <li>Patient: our pseudonymous patient id (identifier system {@value #URI_SYSTEM}, value
 *       {@code urn:uuid:<patientId>}), name and birth date from the referral; never a BSN.</li>
 *   <li>Practitioner: the specialist who signed, AGB code under {@value #AGB_SYSTEM}.</li>
 *   <li>DocumentReference: LOINC 11488-4 "Consult note", status current/final, date = signature,
 *       the PDF with its size and SHA-1 hash (as R4 defines {@code Attachment.hash}).</li>
 * </ul>
 * Ids are derived from the referral (and the AGB code), so the same report has the same ids each time.
 */
final class ReportFhir {

    static final String AGB_SYSTEM = "http://fhir.nl/fhir/NamingSystem/agb-z";
    static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    static final String LOINC = "http://loinc.org";
    static final String CONSULT_NOTE = "11488-4";

    private ReportFhir() {
    }

    /** One context for the application: creating it is expensive, using it is thread-safe. */
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4Cached();
    }

    static String bundleJson(ReportContent report, byte[] pdf, Instant assembledAt) {
        UUID patientUuid = report.patientId();
        UUID practitionerUuid = derived("practitioner:" + (report.specialistAgb() != null ? "agb:"
                + report.specialistAgb() : "report:" + report.referralId()));
        UUID documentUuid = derived("consult-report:" + report.referralId());
        UUID bundleUuid = derived("consult-report-bundle:" + report.referralId());

        Patient patient = new Patient();
        patient.setId(patientUuid.toString());
        patient.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(URI_SYSTEM)
                .setValue(urn(patientUuid));
        if (report.patientName() != null) {
            patient.addName().setText(report.patientName());
        }
        if (report.patientBirthDate() != null) {
            patient.setBirthDateElement(new DateType(report.patientBirthDate().toString()));
        }

        Practitioner practitioner = new Practitioner();
        practitioner.setId(practitionerUuid.toString());
        if (report.specialistAgb() != null) {
            practitioner.addIdentifier().setSystem(AGB_SYSTEM).setValue(report.specialistAgb());
        }
        if (report.specialistName() != null) {
            practitioner.addName().setText(report.specialistName());
        }

        Instant signed = report.signedOrCompletedAt();
        Attachment letter = new Attachment()
                .setContentType("application/pdf")
                .setLanguage("nl")
                .setData(pdf)
                .setSize(pdf.length)
                .setHash(sha1(pdf))
                .setTitle(report.fileName());
        if (signed != null) {
            letter.setCreationElement(new DateTimeType(Date.from(signed)));
        }
        DocumentReference document = new DocumentReference();
        document.setId(documentUuid.toString());
        document.setMasterIdentifier(new Identifier().setSystem(URI_SYSTEM).setValue(urn(documentUuid)));
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        document.setType(new CodeableConcept(new Coding(LOINC, CONSULT_NOTE, "Consult note"))
                .setText("Second opinion consult report"));
        document.setSubject(new Reference(urn(patientUuid)));
        if (signed != null) {
            document.setDate(Date.from(signed));
        }
        document.addAuthor(new Reference(urn(practitionerUuid)));
        document.setAuthenticator(new Reference(urn(practitionerUuid)));
        document.setDescription("Second opinion consult report"
                + (report.zorgDomeinNumber() != null ? ", ZorgDomein referral " + report.zorgDomeinNumber() : ""));
        document.addContent().setAttachment(letter);

        Bundle bundle = new Bundle();
        bundle.setId(bundleUuid.toString());
        bundle.setIdentifier(new Identifier().setSystem(URI_SYSTEM).setValue(urn(bundleUuid)));
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(assembledAt));
        add(bundle, documentUuid, document);
        add(bundle, patientUuid, patient);
        add(bundle, practitionerUuid, practitioner);
        return Context.R4.newJsonParser().encodeResourceToString(bundle);
    }

    private static void add(Bundle bundle, UUID id, Resource resource) {
        bundle.addEntry().setFullUrl(urn(id)).setResource(resource);
    }

    private static String urn(UUID id) {
        return "urn:uuid:" + id;
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing", e);
        }
    }
}
