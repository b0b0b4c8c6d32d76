package nl.consilium.gateway.domain.document.stu3;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.identifiers.DutchIdentifiers;
import nl.consilium.platform.content.ContentTypes;
import nl.consilium.gateway.domain.ReferralDocumentReader;
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
import nl.consilium.gateway.domain.document.ZorgDomeinProfile;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.QuestionnaireResponse;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Reads ZorgDomein document Bundles (FHIR STU3, JSON or XML) with HAPI FHIR into the
 * {@link ZorgDomeinDocument} model. Strict where ZorgDomein is strict: a Bundle of type
 * {@code document} with its Composition first, a ZD number, the patient's BSN, the referrer's AGB code,
 * and what each document type needs ({@link ZorgDomeinProfile} says where); forgiving where real
 * traffic varies: unknown elements and extensions are ignored. References resolve against the
 * entries' {@code fullUrl} ({@code urn:uuid:...}) or {@code ResourceType/id}. Every rejection names
 * the element (FHIRPath) and never quotes patient data. Thread-safe.
 */
@ApplicationScoped
@Startup
public class FhirStu3DocumentReader implements ReferralDocumentReader {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int NAME_MAX = 200;
    private static final int TEXT_MAX = 4000;

    /** HAPI FHIR's context takes a while to learn the STU3 model: do that at start-up, not on the first delivery. */
    @PostConstruct
    void warmUp() {
        Stu3Parser.warmUp();
    }

    @Override
    public ZorgDomeinDocument read(byte[] body, DocumentFormat format, Set<DocumentType> accepted) {
        Resource resource = Stu3Parser.parse(body, format);
        if (!(resource instanceof Bundle bundle)) {
            throw DocumentRejected.invalid("invalid", "Bundle.resourceType",
                    "resourceType must be Bundle: post a FHIR STU3 document Bundle");
        }
        String bundleId = bundle.getIdElement().getIdPart();
        if (bundleId == null || bundleId.isBlank()) {
            throw DocumentRejected.invalid("required", "Bundle.id",
                    "Bundle.id is required: it identifies the document when it is delivered again");
        }
        if (!FHIR_ID.matcher(bundleId).matches()) {
            throw DocumentRejected.invalid("invalid", "Bundle.id",
                    "Bundle.id must be a FHIR id: 1 to 64 letters, digits, '-' or '.'");
        }
        if (bundle.getType() != Bundle.BundleType.DOCUMENT) {
            throw DocumentRejected.invalid("invalid", "Bundle.type", "Bundle.type must be document");
        }
        if (bundle.getEntry().isEmpty()) {
            throw DocumentRejected.invalid("required", "Bundle.entry",
                    "A document Bundle needs entries, the Composition first");
        }
        BundleIndex index = new BundleIndex(bundle);
        if (!(bundle.getEntryFirstRep().getResource() instanceof Composition composition)) {
            throw DocumentRejected.invalid("structure", "Bundle.entry[0].resource",
                    "The first entry of a document Bundle must be its Composition");
        }
        DocumentType type = documentType(composition, accepted);
        DocumentHeader header = new DocumentHeader(bundleId, zorgDomeinNumber(composition), type,
                dateTime(composition.getDateElement()), limit(text(composition.getTitleElement()), NAME_MAX,
                        "Composition.title"));
        ReferredPatient patient = patient((Patient) index.resolve(composition.getSubject(), "Composition.subject",
                "Patient"));
        Referrer referrer = referrer(index, composition);
        Document document = new Document(bundle, index, composition);
        return switch (type) {
            case APPOINTMENT_REQUEST -> appointmentRequest(document, header, patient, referrer);
            case REFERRAL_LETTER -> new ReferralLetterDocument(header, patient, referrer,
                    attachments(document, type));
            case SUPPLEMENT -> new SupplementDocument(header, patient, referrer, attachments(document, type));
            case QUESTIONNAIRE -> new QuestionnaireDocument(header, patient, referrer, answers(document));
            case CANCELLATION -> new CancellationDocument(header, patient, referrer, cancellationReason(document));
        };
    }

    /** The parsed Bundle, its index and its Composition. */
    private record Document(Bundle bundle, BundleIndex index, Composition composition) {

        /** The first resource of that type among the Composition's section entries, else among the Bundle's entries. */
        Resource find(String type) {
            Resource inSection = inSections(composition.getSection(), type);
            if (inSection != null) {
                return inSection;
            }
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> type.equals(r.fhirType())).findFirst().orElse(null);
        }

        private Resource inSections(List<Composition.SectionComponent> sections, String type) {
            for (Composition.SectionComponent section : sections) {
                for (Reference entry : section.getEntry()) {
                    Resource resource = index.find(entry.getReference()).orElse(null);
                    if (resource != null && type.equals(resource.fhirType())) {
                        return resource;
                    }
                }
                Resource nested = inSections(section.getSection(), type);
                if (nested != null) {
                    return nested;
                }
            }
            return null;
        }
    }

    // --- the Composition --------------------------------------------------------------------------

    private static DocumentType documentType(Composition composition, Set<DocumentType> accepted) {
        String code = null;
        for (Coding coding : composition.getType().getCoding()) {
            if (DocumentType.SYSTEM.equals(coding.getSystem())) {
                code = strip(coding.getCode());
                break;
            }
        }
        if (code == null && composition.getType().hasCoding()) {
            code = strip(composition.getType().getCodingFirstRep().getCode());
        }
        if (code == null) {
            throw DocumentRejected.invalid("required", "Composition.type",
                    "Composition.type needs a coding from " + DocumentType.SYSTEM);
        }
        String shown = CODE.matcher(code).matches() ? "'" + code + "' " : "";
        String acceptedCodes = accepted.stream().map(DocumentType::code).sorted().collect(Collectors.joining(", "));
        DocumentType type = DocumentType.ofCode(code).orElseThrow(() -> DocumentRejected.unacceptable("not-supported",
                "Composition.type", "Document type " + shown + "is not a ZorgDomein document type; accepted: "
                        + acceptedCodes));
        if (!accepted.contains(type)) {
            throw DocumentRejected.unacceptable("not-supported", "Composition.type", "Document type " + shown
                    + "is not supported yet; only " + acceptedCodes + " documents are accepted");
        }
        return type;
    }

    private static String zorgDomeinNumber(Composition composition) {
        Identifier identifier = composition.getIdentifier();
        String value = identifier != null && ZorgDomeinProfile.ZD_NUMBER_SYSTEM.equals(identifier.getSystem())
                ? strip(identifier.getValue()) : null;
        if (value == null) {
            throw DocumentRejected.invalid("required", "Composition.identifier",
                    "Composition.identifier must carry the ZD number (system " + ZorgDomeinProfile.ZD_NUMBER_SYSTEM
                            + ")");
        }
        if (!DutchIdentifiers.isValidZorgDomeinNumber(value)) {
            throw DocumentRejected.invalid("invalid", "Composition.identifier",
                    "The ZD number must be ZD followed by 9 digits");
        }
        return value;
    }

    // --- patient and referrer ---------------------------------------------------------------------

    private static ReferredPatient patient(Patient patient) {
        String bsn = withSystem(patient.getIdentifier(), ZorgDomeinProfile.BSN_SYSTEM);
        if (bsn == null) {
            throw DocumentRejected.invalid("required", "Patient.identifier",
                    "The patient's BSN is required (identifier system " + ZorgDomeinProfile.BSN_SYSTEM + ")");
        }
        if (!DutchIdentifiers.isValidBsn(bsn)) {
            throw DocumentRejected.unacceptable("value", "Patient.identifier",
                    "The patient's BSN is not valid: it must be 9 digits that pass the 11-proef");
        }
        String name = patient.hasName() ? limit(humanName(patient.getNameFirstRep()), NAME_MAX, "Patient.name") : null;
        if (name == null) {
            throw DocumentRejected.invalid("required", "Patient.name",
                    "The patient's name is required (name[0].text, or family and given)");
        }
        String gender = patient.getGender() == null ? null : patient.getGender().toCode();
        String phone = null;
        String email = null;
        for (ContactPoint telecom : patient.getTelecom()) {
            if (phone == null && telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
                phone = limit(strip(telecom.getValue()), 50, "Patient.telecom.where(system='phone')");
            } else if (email == null && telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                email = limit(strip(telecom.getValue()), NAME_MAX, "Patient.telecom.where(system='email')");
            }
        }
        return new ReferredPatient(bsn, name, birthDate(patient.getBirthDateElement()), gender, phone, email);
    }

    /** A full date; null when absent or only a year or month is known (the document keeps it). */
    private static LocalDate birthDate(DateType date) {
        if (date == null || date.getValue() == null
                || date.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return null;
        }
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    private static Referrer referrer(BundleIndex index, Composition composition) {
        Resource author = index.resolve(composition.getAuthorFirstRep(), "Composition.author[0]",
                "PractitionerRole", "Practitioner");
        Practitioner practitioner;
        Coded role = null;
        Referrer.Organisation organisation = null;
        if (author instanceof PractitionerRole practitionerRole) {
            practitioner = (Practitioner) index.resolve(practitionerRole.getPractitioner(),
                    "PractitionerRole.practitioner", "Practitioner");
            if (practitionerRole.hasOrganization()) {
                Organization organization = (Organization) index.resolve(practitionerRole.getOrganization(),
                        "PractitionerRole.organization", "Organization");
                organisation = new Referrer.Organisation(
                        limit(text(organization.getNameElement()), NAME_MAX, "Organization.name"),
                        withSystem(organization.getIdentifier(), ZorgDomeinProfile.AGB_SYSTEM));
            }
            if (practitionerRole.hasCode()) {
                role = optionalCode(practitionerRole.getCodeFirstRep(), "PractitionerRole.code[0]");
            }
        } else {
            practitioner = (Practitioner) author;
        }
        String agb = withSystem(practitioner.getIdentifier(), ZorgDomeinProfile.AGB_SYSTEM);
        if (agb == null) {
            throw DocumentRejected.invalid("required", "Practitioner.identifier",
                    "The referrer's AGB code is required (identifier system " + ZorgDomeinProfile.AGB_SYSTEM + ")");
        }
        if (!DutchIdentifiers.isValidAgb(agb)) {
            throw DocumentRejected.unacceptable("value", "Practitioner.identifier",
                    "The referrer's AGB code is not valid: it must be 8 digits");
        }
        String name = practitioner.hasName()
                ? limit(humanName(practitioner.getNameFirstRep()), NAME_MAX, "Practitioner.name") : null;
        return new Referrer(agb, name, role, organisation);
    }

    // --- appointment-request ----------------------------------------------------------------------

    private static AppointmentRequestDocument appointmentRequest(Document document, DocumentHeader header,
            ReferredPatient patient, Referrer referrer) {
        ReferralRequest request = referralRequest(document);
        Coded specialty = code(request.getSpecialty(), "ReferralRequest.specialty",
                "the specialty of the treating doctor");
        Coded product = code(request.hasServiceRequested() ? request.getServiceRequestedFirstRep() : null,
                "ReferralRequest.serviceRequested", "the ZorgDomein product");
        String hospital = null;
        String specialist = null;
        for (Extension extension : request.getExtension()) {
            String url = extension.getUrl();
            if (ZorgDomeinProfile.TREATING_HOSPITAL_EXTENSION.equals(url)) {
                String expression = "ReferralRequest.extension('" + url + "')";
                hospital = limit(extensionName(document.index(), extension, expression, "Organization"), NAME_MAX,
                        expression);
            } else if (ZorgDomeinProfile.TREATING_SPECIALIST_EXTENSION.equals(url)) {
                String expression = "ReferralRequest.extension('" + url + "')";
                specialist = limit(extensionName(document.index(), extension, expression, "Practitioner"), NAME_MAX,
                        expression);
            }
        }
        return new AppointmentRequestDocument(header, patient, referrer, product,
                new AppointmentRequestDocument.Treating(specialty, hospital, specialist));
    }

    private static ReferralRequest referralRequest(Document document) {
        Resource resource = document.find("ReferralRequest");
        if (resource == null) {
            throw DocumentRejected.invalid("required", "Composition.section.entry",
                    "A section of the Composition must reference the ReferralRequest");
        }
        return (ReferralRequest) resource;
    }

    /** The name an extension gives: valueString, or valueReference to an entry of that type. */
    private static String extensionName(BundleIndex index, Extension extension, String expression, String type) {
        Type value = extension.getValue();
        if (value instanceof StringType string) {
            return text(string);
        }
        if (value instanceof Reference reference) {
            Resource resource = index.resolve(reference, expression, type);
            if (resource instanceof Practitioner practitioner) {
                return practitioner.hasName() ? humanName(practitioner.getNameFirstRep()) : null;
            }
            return text(((Organization) resource).getNameElement());
        }
        throw DocumentRejected.invalid("invalid", expression,
                expression + " must have a valueString or a valueReference to a " + type + " of the Bundle");
    }

    // --- questionnaire ----------------------------------------------------------------------------

    private static QuestionnaireAnswers answers(Document document) {
        Resource resource = document.find("QuestionnaireResponse");
        if (resource == null) {
            throw DocumentRejected.invalid("required", "Composition.section.entry",
                    "A questionnaire document must carry a QuestionnaireResponse (a section entry)");
        }
        Map<String, List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent>> byLinkId =
                new LinkedHashMap<>();
        collect(((QuestionnaireResponse) resource).getItem(), byLinkId);
        List<String> reasons = new ArrayList<>();
        for (var answer : byLinkId.getOrDefault(ZorgDomeinProfile.LINK_REASON, List.of())) {
            String expression = item(ZorgDomeinProfile.LINK_REASON) + ".answer.value";
            if (!(answer.getValue() instanceof Coding coding)) {
                throw DocumentRejected.invalid("invalid", expression, expression
                        + " must be a valueCoding from " + ZorgDomeinProfile.REASON_SYSTEM);
            }
            String code = strip(coding.getCode());
            if (code == null || !CODE.matcher(code).matches()) {
                throw DocumentRejected.invalid("invalid", expression, expression
                        + " must give a reason code from " + ZorgDomeinProfile.REASON_SYSTEM);
            }
            reasons.add(code);
        }
        String explanation = null;
        var explanations = byLinkId.getOrDefault(ZorgDomeinProfile.LINK_REASON_EXPLANATION, List.of());
        if (!explanations.isEmpty()) {
            String expression = item(ZorgDomeinProfile.LINK_REASON_EXPLANATION) + ".answer.value";
            if (!(explanations.getFirst().getValue() instanceof StringType string)) {
                throw DocumentRejected.invalid("invalid", expression, expression + " must be a valueString");
            }
            explanation = limit(text(string), TEXT_MAX, expression);
        }
        return new QuestionnaireAnswers(
                yesNo(byLinkId, ZorgDomeinProfile.LINK_UNDER_TREATMENT),
                yesNo(byLinkId, ZorgDomeinProfile.LINK_SATISFIED),
                yesNo(byLinkId, ZorgDomeinProfile.LINK_WILL_RETURN),
                yesNo(byLinkId, ZorgDomeinProfile.LINK_AGREES_TO_CONSULTATION),
                reasons, explanation);
    }

    /** Every item's answers by linkId, groups and items nested in answers included; the first item of a linkId wins. */
    private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
            Map<String, List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent>> byLinkId) {
        for (var item : items) {
            String linkId = strip(item.getLinkId());
            if (linkId != null) {
                byLinkId.putIfAbsent(linkId, item.getAnswer());
            }
            collect(item.getItem(), byLinkId);
            for (var answer : item.getAnswer()) {
                collect(answer.getItem(), byLinkId);
            }
        }
    }

    private static Boolean yesNo(Map<String, List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent>>
            byLinkId, String linkId) {
        var answers = byLinkId.getOrDefault(linkId, List.of());
        if (answers.isEmpty()) {
            return null;
        }
        String expression = item(linkId) + ".answer.value";
        if (answers.size() > 1) {
            throw DocumentRejected.invalid("structure", expression, expression + " must be answered once");
        }
        if (!(answers.getFirst().getValue() instanceof BooleanType answer) || answer.getValue() == null) {
            throw DocumentRejected.invalid("invalid", expression, expression + " must be a valueBoolean");
        }
        return answer.getValue();
    }

    private static String item(String linkId) {
        return "QuestionnaireResponse.item.where(linkId='" + linkId + "')";
    }

    // --- cancellation -----------------------------------------------------------------------------

    private static CancellationDocument.Reason cancellationReason(Document document) {
        ReferralRequest request = referralRequest(document);
        if (request.getStatus() != ReferralRequest.ReferralRequestStatus.CANCELLED) {
            throw DocumentRejected.invalid("invalid", "ReferralRequest.status",
                    "The ReferralRequest of a cancellation must have status cancelled");
        }
        String url = ZorgDomeinProfile.CANCELLATION_REASON_EXTENSION;
        String expression = "ReferralRequest.extension('" + url + "')";
        List<Extension> extensions = request.getExtensionsByUrl(url);
        if (extensions.isEmpty()) {
            throw DocumentRejected.invalid("required", expression,
                    "A cancellation must give its reason in the ReferralRequest extension " + url);
        }
        Type value = extensions.getFirst().getValue();
        String code = null;
        String text = null;
        if (value instanceof CodeableConcept concept) {
            Coding coding = concept.getCoding().stream().filter(c -> strip(c.getCode()) != null).findFirst()
                    .orElse(null);
            if (coding != null) {
                code = strip(coding.getCode());
                if (!CODE.matcher(code).matches()) {
                    throw DocumentRejected.invalid("invalid", expression, expression
                            + " must give a code of letters, digits, '-', '_' or '.' (at most 100)");
                }
            }
            text = strip(concept.getText());
            if (text == null && coding != null) {
                text = strip(coding.getDisplay());
            }
        } else if (value instanceof StringType string) {
            text = text(string);
        }
        if (code == null && text == null) {
            throw DocumentRejected.invalid("required", expression,
                    expression + " must have a valueCodeableConcept (code or text) or a valueString");
        }
        return new CancellationDocument.Reason(code, limit(text, TEXT_MAX, expression));
    }

    // --- attachments ------------------------------------------------------------------------------

    /**
     * The attachments: each DocumentReference's {@code content.attachment}, then each Binary that no
     * DocumentReference names. At least one.
     */
    private static List<Attachment> attachments(Document document, DocumentType type) {
        List<Bundle.BundleEntryComponent> entries = document.bundle().getEntry();
        List<Attachment> attachments = new ArrayList<>();
        Set<Resource> named = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i).getResource() instanceof DocumentReference reference)) {
                continue;
            }
            List<DocumentReference.DocumentReferenceContentComponent> contents = reference.getContent();
            for (int j = 0; j < contents.size(); j++) {
                String path = "Bundle.entry[" + i + "].resource.content[" + j + "].attachment";
                org.hl7.fhir.dstu3.model.Attachment attachment = contents.get(j).getAttachment();
                String title = strip(attachment.getTitle());
                if (title == null) {
                    title = strip(reference.getDescription());
                }
                String contentType = attachment.getContentType();
                byte[] data;
                if (attachment.hasData()) {
                    data = base64(attachment.getDataElement(), path + ".data");
                } else if (attachment.hasUrl()) {
                    Resource target = document.index().find(attachment.getUrl()).orElse(null);
                    if (!(target instanceof Binary binary)) {
                        throw DocumentRejected.unacceptable("not-supported", path + ".url", path
                                + ".url must name a Binary entry of the Bundle: attachments are not fetched from elsewhere");
                    }
                    named.add(binary);
                    data = base64(binary.getContentElement(), "Binary.content");
                    if (contentType == null || contentType.isBlank()) {
                        contentType = binary.getContentType();
                    }
                } else {
                    throw DocumentRejected.invalid("required", path + ".data",
                            path + " needs its data, or a url naming a Binary entry of the Bundle");
                }
                if (attachment.hasSize() && attachment.getSize() != data.length) {
                    throw DocumentRejected.invalid("invalid", path + ".size",
                            path + ".size does not match the number of bytes of its data");
                }
                if (attachment.hasHash() && !MessageDigests.sha1Matches(attachment.getHash(), data)) {
                    throw DocumentRejected.invalid("invalid", path + ".hash",
                            path + ".hash is not the SHA-1 of its data");
                }
                attachments.add(attachment(title, contentType, data, path + ".contentType"));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof Binary binary && !named.contains(binary)) {
                String path = "Bundle.entry[" + i + "].resource";
                if (!binary.hasContent()) {
                    throw DocumentRejected.invalid("required", path + ".content", path + ".content is required");
                }
                attachments.add(attachment(null, binary.getContentType(),
                        base64(binary.getContentElement(), path + ".content"), path + ".contentType"));
            }
        }
        if (attachments.isEmpty()) {
            throw DocumentRejected.invalid("required", "Bundle.entry", "A " + type.code()
                    + " document must carry at least one attachment: a DocumentReference with content.attachment,"
                    + " or a Binary entry");
        }
        return attachments;
    }

    private static Attachment attachment(String title, String declared, byte[] data, String contentTypePath) {
        String contentType = ContentTypes.normalise(declared);
        if (contentType == null) {
            throw DocumentRejected.invalid("required", contentTypePath, contentTypePath + " is required");
        }
        if (data.length == 0) {
            throw DocumentRejected.invalid("required", contentTypePath.replace(".contentType", ""),
                    "The attachment is empty: send its bytes");
        }
        ContentTypes.Verdict verdict = ContentTypes.check(contentType, data);
        if (verdict.mismatch()) {
            String shown = CODE.matcher(contentType.replace("/", "").replace("+", "")).matches() ? contentType : "";
            throw DocumentRejected.invalid("invalid", contentTypePath, "The declared content type " + shown
                    + " does not match the attachment's bytes" + (verdict.detected() == null ? ""
                            : " (they are " + verdict.detected() + ")") + ": declare the content type of the bytes");
        }
        return new Attachment(limit(title, NAME_MAX, contentTypePath.replace(".contentType", ".title")), contentType,
                verdict.detected(), verdict.verifiable() ? Attachment.ContentCheck.VERIFIED
                        : Attachment.ContentCheck.UNVERIFIABLE, data.length, MessageDigests.sha256Hex(data), data);
    }

    /** Strict base64 (whitespace allowed, as XML may wrap it). */
    private static byte[] base64(PrimitiveType<?> value, String expression) {
        String text = value == null ? null : value.getValueAsString();
        if (text == null || text.isBlank()) {
            throw DocumentRejected.invalid("required", expression, expression + " is required");
        }
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw DocumentRejected.invalid("invalid", expression, expression + " must be base64");
        }
    }

    // --- small helpers ----------------------------------------------------------------------------

    /** The first coding's code of a CodeableConcept; required. */
    private static Coded code(CodeableConcept concept, String expression, String what) {
        Coded coded = concept == null ? null : optionalCode(concept, expression);
        if (coded == null) {
            throw DocumentRejected.invalid("required", expression, expression + " must give " + what + " as a coding");
        }
        return coded;
    }

    private static Coded optionalCode(CodeableConcept concept, String expression) {
        for (Coding coding : concept.getCoding()) {
            String code = strip(coding.getCode());
            if (code != null) {
                if (!CODE.matcher(code).matches()) {
                    throw DocumentRejected.invalid("invalid", expression,
                            expression + " must be a code of letters, digits, '-', '_' or '.' (at most 100)");
                }
                String display = strip(coding.getDisplay());
                return new Coded(code, limit(display != null ? display : strip(concept.getText()), NAME_MAX,
                        expression));
            }
        }
        return null;
    }

    /** name.text, or the given names and family name. */
    private static String humanName(HumanName name) {
        String text = strip(name.getText());
        if (text != null) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        for (StringType given : name.getGiven()) {
            String part = text(given);
            if (part != null) {
                parts.add(part);
            }
        }
        String family = strip(name.getFamily());
        if (family != null) {
            parts.add(family);
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static String withSystem(List<Identifier> identifiers, String system) {
        for (Identifier identifier : identifiers) {
            if (system.equals(identifier.getSystem())) {
                return strip(identifier.getValue());
            }
        }
        return null;
    }

    private static OffsetDateTime dateTime(PrimitiveType<?> value) {
        String text = value == null ? null : value.getValueAsString();
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(PrimitiveType<?> value) {
        return value == null ? null : strip(value.getValueAsString());
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String limit(String value, int max, String expression) {
        if (value != null && value.length() > max) {
            throw DocumentRejected.invalid("too-long", expression, expression + " is longer than " + max + " characters");
        }
        return value;
    }

    /** SHA-256 and SHA-1 of attachment bytes. */
    private static final class MessageDigests {

        static String sha256Hex(byte[] data) {
            return HexFormat.of().formatHex(digest("SHA-256", data));
        }

        /** {@code Attachment.hash}: the SHA-1 of the data (base64 in FHIR). */
        static boolean sha1Matches(byte[] declared, byte[] data) {
            return MessageDigest.isEqual(declared, digest("SHA-1", data));
        }

        private static byte[] digest(String algorithm, byte[] data) {
            try {
                return MessageDigest.getInstance(algorithm).digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is missing from this JVM", e);
            }
        }
    }
}
