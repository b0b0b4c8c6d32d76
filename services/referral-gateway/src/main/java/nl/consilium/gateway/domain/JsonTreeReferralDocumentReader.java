package nl.consilium.gateway.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.consilium.gateway.domain.AppointmentRequest.ReferredPatient;
import nl.consilium.gateway.domain.AppointmentRequest.ReferringPractitioner;

/**
 * Reads the ZorgDomein {@code appointment-request} document Bundle (FHIR STU3, JSON) as a Jackson
 * tree. References are resolved against the entries' {@code fullUrl} ({@code urn:uuid:...}) or
 * {@code ResourceType/id}. Every rejection names the element (FHIRPath) and never quotes patient data.
 */
@ApplicationScoped
public class JsonTreeReferralDocumentReader implements ReferralDocumentReader {

    public static final String DOCUMENT_TYPE_SYSTEM = "http://zorgdomein.nl/terminology/code-system/document-type";
    public static final String APPOINTMENT_REQUEST = "appointment-request";
    public static final String ZD_NUMBER_SYSTEM = "http://zorgdomein.nl/identifier/referral";
    public static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
    public static final String AGB_SYSTEM = "http://fhir.nl/fhir/NamingSystem/agb-z";
    public static final String TREATING_HOSPITAL_EXTENSION =
            "https://consilium.nl/fhir/StructureDefinition/treating-hospital";

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}");
    private static final Pattern FHIR_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");
    private static final int NAME_MAX = 200;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public AppointmentRequest read(byte[] body) {
        JsonNode bundle = parse(body);
        if (!"Bundle".equals(text(bundle, "resourceType"))) {
            throw DocumentRejected.invalid("invalid", "Bundle.resourceType",
                    "resourceType must be Bundle: post a FHIR STU3 document Bundle");
        }
        String bundleId = text(bundle, "id");
        if (bundleId == null) {
            throw DocumentRejected.invalid("required", "Bundle.id",
                    "Bundle.id is required: it identifies the document when it is delivered again");
        }
        if (!FHIR_ID.matcher(bundleId).matches()) {
            throw DocumentRejected.invalid("invalid", "Bundle.id",
                    "Bundle.id must be a FHIR id: 1 to 64 letters, digits, '-' or '.'");
        }
        if (!"document".equals(text(bundle, "type"))) {
            throw DocumentRejected.invalid("invalid", "Bundle.type", "Bundle.type must be document");
        }
        JsonNode entries = bundle.path("entry");
        if (!entries.isArray() || entries.isEmpty()) {
            throw DocumentRejected.invalid("required", "Bundle.entry",
                    "A document Bundle needs entries, the Composition first");
        }
        Map<String, JsonNode> resources = index(entries);
        JsonNode composition = entries.get(0).path("resource");
        if (!"Composition".equals(text(composition, "resourceType"))) {
            throw DocumentRejected.invalid("structure", "Bundle.entry[0].resource",
                    "The first entry of a document Bundle must be its Composition");
        }

        requireAppointmentRequest(composition);
        String zorgDomeinNumber = zorgDomeinNumber(composition);
        JsonNode patient = resolve(resources, composition.path("subject"), "Composition.subject", "Patient");
        ReferringPractitioner referrer = referrer(resources, composition);
        JsonNode referralRequest = resolve(resources,
                composition.path("section").path(0).path("entry").path(0), "Composition.section[0].entry[0]",
                "ReferralRequest");

        String specialty = code(referralRequest.path("specialty"), "ReferralRequest.specialty",
                "the specialty of the treating doctor");
        String product = code(referralRequest.path("serviceRequested").path(0), "ReferralRequest.serviceRequested",
                "the ZorgDomein product");
        String treatingHospital = null;
        for (JsonNode extension : referralRequest.path("extension")) {
            if (TREATING_HOSPITAL_EXTENSION.equals(text(extension, "url"))) {
                treatingHospital = limit(text(extension, "valueString"), NAME_MAX,
                        "ReferralRequest.extension('" + TREATING_HOSPITAL_EXTENSION + "')");
            }
        }
        return new AppointmentRequest(bundleId, zorgDomeinNumber, patient(patient), referrer, product, specialty,
                treatingHospital);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw DocumentRejected.invalid("structure", null, "The body is empty: post a FHIR document Bundle as JSON");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw DocumentRejected.invalid("structure", null, "The body must be JSON encoded as UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw DocumentRejected.invalid("structure", null, "The body must be JSON encoded as UTF-8");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw DocumentRejected.invalid("structure", null, "The body is not valid JSON" + where);
        } catch (IOException e) {
            throw DocumentRejected.invalid("structure", null, "The body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw DocumentRejected.invalid("structure", null, "The body must be a JSON object: a FHIR Bundle resource");
        }
        return root;
    }

    /** Every entry's resource by its fullUrl and by ResourceType/id. */
    private static Map<String, JsonNode> index(JsonNode entries) {
        Map<String, JsonNode> resources = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).path("resource");
            String type = text(resource, "resourceType");
            if (!resource.isObject() || type == null) {
                throw DocumentRejected.invalid("structure", "Bundle.entry[" + i + "].resource",
                        "Every entry needs a resource with a resourceType");
            }
            String fullUrl = text(entries.get(i), "fullUrl");
            if (fullUrl != null) {
                resources.putIfAbsent(fullUrl, resource);
            }
            String id = text(resource, "id");
            if (id != null) {
                resources.putIfAbsent(type + "/" + id, resource);
            }
        }
        return resources;
    }

    private static JsonNode resolve(Map<String, JsonNode> resources, JsonNode reference, String expression,
            String... types) {
        String target = text(reference, "reference");
        if (target == null) {
            throw DocumentRejected.invalid("required", expression,
                    expression + " must reference the " + String.join(" or ", types) + " in the Bundle");
        }
        JsonNode resource = resources.get(target);
        if (resource == null) {
            throw DocumentRejected.invalid("structure", expression,
                    expression + " does not resolve to an entry of the Bundle (by fullUrl)");
        }
        if (!List.of(types).contains(text(resource, "resourceType"))) {
            throw DocumentRejected.invalid("structure", expression,
                    expression + " must reference a " + String.join(" or ", types));
        }
        return resource;
    }

    private static void requireAppointmentRequest(JsonNode composition) {
        String type = null;
        JsonNode codings = composition.path("type").path("coding");
        for (JsonNode coding : codings) {
            if (DOCUMENT_TYPE_SYSTEM.equals(text(coding, "system"))) {
                type = text(coding, "code");
                break;
            }
        }
        if (type == null) {
            type = text(codings.path(0), "code");
        }
        if (type == null) {
            throw DocumentRejected.invalid("required", "Composition.type",
                    "Composition.type needs a coding from " + DOCUMENT_TYPE_SYSTEM);
        }
        if (!APPOINTMENT_REQUEST.equals(type)) {
            String shown = CODE.matcher(type).matches() ? "'" + type + "' " : "";
            throw DocumentRejected.unacceptable("not-supported", "Composition.type", "Document type " + shown
                    + "is not supported yet; only " + APPOINTMENT_REQUEST + " documents are accepted");
        }
    }

    private static String zorgDomeinNumber(JsonNode composition) {
        String value = text(withSystem(composition.path("identifier"), ZD_NUMBER_SYSTEM), "value");
        if (value == null) {
            throw DocumentRejected.invalid("required", "Composition.identifier",
                    "Composition.identifier must carry the ZD number (system " + ZD_NUMBER_SYSTEM + ")");
        }
        if (!DutchIdentifiers.isValidZorgDomeinNumber(value)) {
            throw DocumentRejected.invalid("invalid", "Composition.identifier",
                    "The ZD number must be ZD followed by 9 digits");
        }
        return value;
    }

    private static ReferredPatient patient(JsonNode patient) {
        String bsn = text(withSystem(patient.path("identifier"), BSN_SYSTEM), "value");
        if (bsn == null) {
            throw DocumentRejected.invalid("required", "Patient.identifier",
                    "The patient's BSN is required (identifier system " + BSN_SYSTEM + ")");
        }
        if (!DutchIdentifiers.isValidBsn(bsn)) {
            throw DocumentRejected.unacceptable("value", "Patient.identifier",
                    "The patient's BSN is not valid: it must be 9 digits that pass the 11-proef");
        }
        String name = limit(humanName(patient.path("name").path(0)), NAME_MAX, "Patient.name");
        if (name == null) {
            throw DocumentRejected.invalid("required", "Patient.name",
                    "The patient's name is required (name[0].text, or family and given)");
        }
        String gender = text(patient, "gender");
        if (gender != null && !GENDERS.contains(gender)) {
            throw DocumentRejected.invalid("invalid", "Patient.gender",
                    "Patient.gender must be one of male, female, other, unknown");
        }
        String phone = null;
        String email = null;
        for (JsonNode telecom : patient.path("telecom")) {
            String system = text(telecom, "system");
            if (phone == null && "phone".equals(system)) {
                phone = limit(text(telecom, "value"), 50, "Patient.telecom.where(system='phone')");
            } else if (email == null && "email".equals(system)) {
                email = limit(text(telecom, "value"), NAME_MAX, "Patient.telecom.where(system='email')");
            }
        }
        return new ReferredPatient(bsn, name, birthDate(text(patient, "birthDate")), gender, phone, email);
    }

    /** A full date; null when absent or only a year or month is known (the document keeps it). */
    private static LocalDate birthDate(String value) {
        if (value == null) {
            return null;
        }
        if (!FHIR_DATE.matcher(value).matches()) {
            throw DocumentRejected.invalid("invalid", "Patient.birthDate", "Patient.birthDate must be a date YYYY-MM-DD");
        }
        if (value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DocumentRejected.invalid("invalid", "Patient.birthDate", "Patient.birthDate is not a calendar date");
        }
    }

    private static ReferringPractitioner referrer(Map<String, JsonNode> resources, JsonNode composition) {
        JsonNode author = resolve(resources, composition.path("author").path(0), "Composition.author[0]",
                "PractitionerRole", "Practitioner");
        JsonNode practitioner = author;
        String organisation = null;
        if ("PractitionerRole".equals(text(author, "resourceType"))) {
            practitioner = resolve(resources, author.path("practitioner"), "PractitionerRole.practitioner",
                    "Practitioner");
            if (!author.path("organization").isMissingNode()) {
                JsonNode organization = resolve(resources, author.path("organization"),
                        "PractitionerRole.organization", "Organization");
                organisation = limit(text(organization, "name"), NAME_MAX, "Organization.name");
            }
        }
        String agb = text(withSystem(practitioner.path("identifier"), AGB_SYSTEM), "value");
        if (agb == null) {
            throw DocumentRejected.invalid("required", "Practitioner.identifier",
                    "The referrer's AGB code is required (identifier system " + AGB_SYSTEM + ")");
        }
        if (!DutchIdentifiers.isValidAgb(agb)) {
            throw DocumentRejected.unacceptable("value", "Practitioner.identifier",
                    "The referrer's AGB code is not valid: it must be 8 digits");
        }
        String name = limit(humanName(practitioner.path("name").path(0)), NAME_MAX, "Practitioner.name");
        return new ReferringPractitioner(agb, name, organisation);
    }

    /** The first coding's code of a CodeableConcept; required. */
    private static String code(JsonNode concept, String expression, String what) {
        String code = null;
        for (JsonNode coding : concept.path("coding")) {
            code = text(coding, "code");
            if (code != null) {
                break;
            }
        }
        if (code == null) {
            throw DocumentRejected.invalid("required", expression, expression + " must give " + what + " as a coding");
        }
        if (!CODE.matcher(code).matches()) {
            throw DocumentRejected.invalid("invalid", expression,
                    expression + " must be a code of letters, digits, '-', '_' or '.' (at most 100)");
        }
        return code;
    }

    /** name.text, or the given names and family name. */
    private static String humanName(JsonNode name) {
        String text = text(name, "text");
        if (text != null) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode given : name.path("given")) {
            if (given.isTextual() && !given.asText().isBlank()) {
                parts.add(given.asText().strip());
            }
        }
        String family = text(name, "family");
        if (family != null) {
            parts.add(family);
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The identifier with that system, from an array of identifiers (or a single one). */
    private static JsonNode withSystem(JsonNode identifiers, String system) {
        if (identifiers.isObject()) {
            return system.equals(text(identifiers, "system")) ? identifiers : MissingNode.getInstance();
        }
        for (JsonNode identifier : identifiers) {
            if (system.equals(text(identifier, "system"))) {
                return identifier;
            }
        }
        return MissingNode.getInstance();
    }

    /** A string property, stripped; null when absent, blank or not a string. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String limit(String value, int max, String expression) {
        if (value != null && value.length() > max) {
            throw DocumentRejected.invalid("too-long", expression, expression + " is longer than " + max + " characters");
        }
        return value;
    }
}
