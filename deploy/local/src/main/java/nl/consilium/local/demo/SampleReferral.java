package nl.consilium.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import nl.consilium.identifiers.DutchIdentifiers;
import java.util.UUID;

/**
 * A realistic, entirely fictitious ZorgDomein referral: the FHIR STU3 document Bundle of type
 * {@code appointment-request} that ZorgDomein pushes to {@code [base]/Bundle} when a GP refers a
 * patient for a digital second opinion.
 *
 * <p>Shape (every reference is the {@code fullUrl} of another entry, {@code urn:uuid:<id>}):
 * <pre>
 * Bundle            id (UUID), identifier {system urn:ietf:rfc:3986, value urn:uuid:&lt;id&gt;}, type document,
 *                   timestamp, meta.lastUpdated
 *  entry[0] Composition   identifier {system http://zorgdomein.nl/identifier/referral, value ZD#########},
 *                         status final, type.coding[0] {system ...document-type, code appointment-request},
 *                         subject -&gt; Patient, author[0] -&gt; PractitionerRole, date, title,
 *                         section[0].entry[0] -&gt; ReferralRequest
 *  entry[1] Patient       identifier[0] BSN, name[0] {text, family, given[]}, telecom (phone, email),
 *                         gender, birthDate
 *  entry[2] Practitioner  identifier[0] AGB (agb-z), name[0] {text, family, given[]}
 *  entry[3] PractitionerRole  practitioner -&gt; Practitioner, organization -&gt; Organization
 *  entry[4] Organization  identifier[0] AGB of the practice, name
 *  entry[5] ReferralRequest  identifier[0] ZD number, status active, intent order, subject -&gt; Patient,
 *                         requester.agent -&gt; Practitioner, requester.onBehalfOf -&gt; Organization,
 *                         specialty.coding[0] {system consilium specialty, code cardiology},
 *                         serviceRequested[0].coding[0] {system ...product, code SECOND_OPINION},
 *                         reasonCode[0].text, authoredOn,
 *                         extension[0] {url .../treating-hospital, valueString}
 * </pre>
 *
 * <p>The ids ({@code Bundle.id}, the entries' UUIDs, the ZD number) are always fresh and random, so two
 * samples are two referrals even with the same seed (the gateway treats a repeated {@code Bundle.id}
 * as a re-delivery). The {@link Random} given to the builder only picks the patient's details.
 * Instances are immutable; {@link #toJson()} always returns the same text, so posting it twice is a
 * genuine re-delivery.
 */
public final class SampleReferral {

    // --- code systems and identifier systems ----------------------------------------------------

    public static final String DOCUMENT_TYPE_SYSTEM = "http://zorgdomein.nl/terminology/code-system/document-type";
    public static final String DOCUMENT_TYPE_APPOINTMENT_REQUEST = "appointment-request";
    public static final String DOCUMENT_TYPE_CANCELLATION = "cancellation";
    public static final String CANCELLATION_REASON_EXTENSION =
            "https://consilium.nl/fhir/StructureDefinition/cancellation-reason";
    public static final String CANCELLATION_REASON_SYSTEM = "https://consilium.nl/fhir/CodeSystem/cancellation-reason";
    public static final String ZD_NUMBER_SYSTEM = "http://zorgdomein.nl/identifier/referral";
    public static final String PRODUCT_SYSTEM = "http://zorgdomein.nl/terminology/code-system/product";
    public static final String PRODUCT_SECOND_OPINION = "SECOND_OPINION";
    public static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
    public static final String AGB_SYSTEM = "http://fhir.nl/fhir/NamingSystem/agb-z";
    public static final String SPECIALTY_SYSTEM = "https://consilium.nl/fhir/CodeSystem/specialty";
    public static final String TREATING_HOSPITAL_EXTENSION =
            "https://consilium.nl/fhir/StructureDefinition/treating-hospital";
    /** Dutch role codes (UZI/AGB role code list), used for the GP's PractitionerRole. */
    public static final String ROLE_CODE_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.15.111";

    // --- defaults: the demo GP of deploy/keycloak/realm-consilium.json ----------------------------

    public static final String DEFAULT_REFERRER_AGB = DemoUsers.GP_JANSEN_AGB;
    public static final String DEFAULT_REFERRER_NAME = "Anna Jansen";
    public static final String DEFAULT_PRACTICE_NAME = "Huisartsenpraktijk De Linde";
    public static final String DEFAULT_SPECIALTY = "cardiology";
    public static final String DEFAULT_TREATING_HOSPITAL = "Ziekenhuis Noorderhaven";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final SecureRandom ID_RANDOM = new SecureRandom();

    /** Specialty codes of the demo realm (user attribute {@code specialty}) with Dutch display names. */
    private static final Map<String, String> SPECIALTY_DISPLAY = Map.of(
            "cardiology", "Cardiologie",
            "orthopaedics", "Orthopedie",
            "neurology", "Neurologie",
            "internal-medicine", "Interne geneeskunde",
            "surgery", "Heelkunde");

    private static final List<String> GIVEN_FEMALE = List.of("Fenna", "Ilse", "Marieke", "Noor", "Roos", "Tessa");
    private static final List<String> GIVEN_MALE = List.of("Bram", "Daan", "Joost", "Lucas", "Niels", "Ruben");
    private static final List<String> FAMILY = List.of(
            "Aalbers", "Brouwer", "Hendriks", "Kuipers", "Meijer", "Postma", "Schouten", "Verbeek", "Wolters");

    /** The patient, all fictitious. Never print this: it stands for real patient data. */
    public record Patient(String bsn, String given, String family, LocalDate birthDate, String gender,
            String phone, String email) {

        public String fullName() {
            return given + " " + family;
        }
    }

    private final UUID bundleId;
    private final String zdNumber;
    private final Instant timestamp;
    private final String referrerAgb;
    private final String referrerName;
    private final String practiceName;
    private final String specialtyCode;
    private final String treatingHospital;
    private final String reason;
    private final Patient patient;
    private final String json;

    private SampleReferral(Builder b) {
        Random random = b.random != null ? b.random : new Random();
        this.bundleId = UUID.randomUUID();
        this.zdNumber = b.zdNumber != null ? b.zdNumber : randomZdNumber();
        this.timestamp = (b.timestamp != null ? b.timestamp : Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        this.referrerAgb = b.referrerAgb;
        this.referrerName = b.referrerName;
        this.practiceName = b.practiceName;
        this.specialtyCode = b.specialtyCode;
        this.treatingHospital = b.treatingHospital;
        this.reason = b.reason;
        this.patient = randomPatient(random, b.bsn);
        this.json = write(buildBundle());
    }

    /** A sample with every default: referred by gp.jansen for cardiology. */
    public static SampleReferral create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- accessors ------------------------------------------------------------------------------

    /** {@code Bundle.id}: unique per document. */
    public UUID bundleId() {
        return bundleId;
    }

    /** The ZD number: {@code ZD} + 9 digits, in {@code Composition.identifier.value}. */
    public String zdNumber() {
        return zdNumber;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String referrerAgb() {
        return referrerAgb;
    }

    public String referrerName() {
        return referrerName;
    }

    public String practiceName() {
        return practiceName;
    }

    public String specialtyCode() {
        return specialtyCode;
    }

    public String specialtyDisplay() {
        return specialtyDisplay(specialtyCode);
    }

    public String treatingHospital() {
        return treatingHospital;
    }

    public String productCode() {
        return PRODUCT_SECOND_OPINION;
    }

    /** {@code ReferralRequest.reasonCode[0].text}: medical content, do not print. */
    public String reason() {
        return reason;
    }

    /** The (fictitious) patient; do not print. */
    public Patient patient() {
        return patient;
    }

    /** The Bundle as {@code application/fhir+json} text. */
    public String toJson() {
        return json;
    }

    /** A fresh, mutable copy of the Bundle. */
    public ObjectNode toJsonNode() {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ZorgDomein's {@code cancellation} document for this referral: the same ZD number, patient and
     * referrer, a new {@code Bundle.id}, the ReferralRequest {@code cancelled} with the reason.
     */
    public String cancellationJson(String reasonCode, String reasonText) {
        ObjectNode bundle = toJsonNode();
        UUID cancellationId = UUID.randomUUID();
        bundle.put("id", cancellationId.toString());
        bundle.set("identifier", identifier("urn:ietf:rfc:3986", "urn:uuid:" + cancellationId));
        for (var entry : bundle.withArray("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            switch (resource.get("resourceType").asText()) {
                case "Composition" -> {
                    resource.set("type", codeableConcept(DOCUMENT_TYPE_SYSTEM, DOCUMENT_TYPE_CANCELLATION, "Annulering"));
                    resource.put("title", "Annulering verwijzing");
                    ((ObjectNode) resource.withArray("section").get(0)).set("code",
                            codeableConcept(DOCUMENT_TYPE_SYSTEM, DOCUMENT_TYPE_CANCELLATION, null));
                }
                case "ReferralRequest" -> {
                    resource.put("status", "cancelled");
                    ObjectNode reason = resource.withArray("extension").addObject();
                    reason.put("url", CANCELLATION_REASON_EXTENSION);
                    ObjectNode value = codeableConcept(CANCELLATION_REASON_SYSTEM, reasonCode, reasonText);
                    value.put("text", reasonText);
                    reason.set("valueCodeableConcept", value);
                }
                default -> {
                }
            }
        }
        try {
            return JSON.writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line description without patient data, for output. */
    public String describe() {
        return zdNumber + ": " + specialtyDisplay() + " second opinion, referred by " + referrerName
                + " (AGB " + referrerAgb + "), treated at " + treatingHospital;
    }

    @Override
    public String toString() {
        return "SampleReferral[" + bundleId + ", " + zdNumber + "]";
    }

    public static String specialtyDisplay(String code) {
        return SPECIALTY_DISPLAY.getOrDefault(code, code);
    }

    // --- BSN ------------------------------------------------------------------------------------

    /** A random BSN that passes the 11-proef (libs/identifiers). */
    public static String validBsn(Random random) {
        return DutchIdentifiers.randomBsn(random);
    }

    /** The 11-proef on a BSN (libs/identifiers). */
    public static boolean isValidBsn(String bsn) {
        return DutchIdentifiers.isValidBsn(bsn);
    }

    /** {@code ZD} followed by 9 digits (libs/identifiers). */
    public static boolean isValidZdNumber(String value) {
        return DutchIdentifiers.isValidZorgDomeinNumber(value);
    }

    // --- building -------------------------------------------------------------------------------

    private static String randomZdNumber() {
        return "ZD" + String.format(Locale.ROOT, "%09d", ID_RANDOM.nextInt(1_000_000_000));
    }

    private static Patient randomPatient(Random random, String bsn) {
        boolean female = random.nextBoolean();
        String given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
        String family = pick(random, FAMILY);
        LocalDate birthDate = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365));
        String phone = "06" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
        String email = (given + "." + family).toLowerCase(Locale.ROOT) + "@example.org";
        return new Patient(bsn != null ? bsn : validBsn(random), given, family, birthDate,
                female ? "female" : "male", phone, email);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private ObjectNode buildBundle() {
        UUID compositionId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        UUID practitionerId = UUID.randomUUID();
        UUID roleId = UUID.randomUUID();
        UUID organizationId = UUID.randomUUID();
        UUID referralRequestId = UUID.randomUUID();
        String when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp.atZone(AMSTERDAM));

        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", bundleId.toString());
        bundle.putObject("meta").put("lastUpdated", when);
        bundle.set("identifier", identifier("urn:ietf:rfc:3986", "urn:uuid:" + bundleId));
        bundle.put("type", "document");
        bundle.put("timestamp", when);
        ArrayNode entries = bundle.putArray("entry");

        // Composition: always first in a document
        ObjectNode composition = resource("Composition", compositionId);
        composition.set("identifier", identifier(ZD_NUMBER_SYSTEM, zdNumber));
        composition.put("status", "final");
        composition.set("type", codeableConcept(DOCUMENT_TYPE_SYSTEM, DOCUMENT_TYPE_APPOINTMENT_REQUEST,
                "Afspraakverzoek"));
        composition.set("subject", reference(patientId, patient.fullName()));
        composition.put("date", when);
        composition.putArray("author").add(reference(roleId, referrerName));
        composition.put("title", "Verwijzing digitale second opinion " + specialtyDisplay());
        composition.put("confidentiality", "N");
        ObjectNode section = composition.putArray("section").addObject();
        section.put("title", "Verwijzing");
        section.set("code", codeableConcept(DOCUMENT_TYPE_SYSTEM, DOCUMENT_TYPE_APPOINTMENT_REQUEST, null));
        section.putArray("entry").add(reference(referralRequestId, null));
        addEntry(entries, compositionId, composition);

        // Patient
        ObjectNode pat = resource("Patient", patientId);
        pat.putArray("identifier").add(identifier(BSN_SYSTEM, patient.bsn()));
        ObjectNode name = pat.putArray("name").addObject();
        name.put("use", "official");
        name.put("text", patient.fullName());
        name.put("family", patient.family());
        name.putArray("given").add(patient.given());
        ArrayNode telecom = pat.putArray("telecom");
        telecom.addObject().put("system", "phone").put("value", patient.phone()).put("use", "mobile");
        telecom.addObject().put("system", "email").put("value", patient.email()).put("use", "home");
        pat.put("gender", patient.gender());
        pat.put("birthDate", patient.birthDate().toString());
        addEntry(entries, patientId, pat);

        // Practitioner: the referring GP
        ObjectNode practitioner = resource("Practitioner", practitionerId);
        practitioner.putArray("identifier").add(identifier(AGB_SYSTEM, referrerAgb));
        ObjectNode gpName = practitioner.putArray("name").addObject();
        gpName.put("use", "official");
        gpName.put("text", referrerName);
        int space = referrerName.indexOf(' '); // "Pieter de Vries": given Pieter, family de Vries
        gpName.put("family", space < 0 ? referrerName : referrerName.substring(space + 1));
        if (space > 0) {
            gpName.putArray("given").add(referrerName.substring(0, space));
        }
        addEntry(entries, practitionerId, practitioner);

        // PractitionerRole: the GP working at the practice
        ObjectNode role = resource("PractitionerRole", roleId);
        role.set("practitioner", reference(practitionerId, referrerName));
        role.set("organization", reference(organizationId, practiceName));
        role.putArray("code").add(codeableConcept(ROLE_CODE_SYSTEM, "01.015", "Huisarts"));
        addEntry(entries, roleId, role);

        // Organization: the GP practice
        ObjectNode organization = resource("Organization", organizationId);
        organization.putArray("identifier").add(identifier(AGB_SYSTEM, practiceAgb()));
        organization.put("name", practiceName);
        organization.putArray("telecom").addObject().put("system", "phone").put("value", "0501234567")
                .put("use", "work");
        addEntry(entries, organizationId, organization);

        // ReferralRequest (STU3): what is asked, for which specialty, by whom
        ObjectNode referral = resource("ReferralRequest", referralRequestId);
        referral.putArray("extension").addObject()
                .put("url", TREATING_HOSPITAL_EXTENSION)
                .put("valueString", treatingHospital);
        referral.putArray("identifier").add(identifier(ZD_NUMBER_SYSTEM, zdNumber));
        referral.put("status", "active");
        referral.put("intent", "order");
        referral.put("priority", "routine");
        referral.putArray("serviceRequested").add(
                codeableConcept(PRODUCT_SYSTEM, PRODUCT_SECOND_OPINION, "Digitale second opinion"));
        referral.set("subject", reference(patientId, patient.fullName()));
        referral.put("authoredOn", when);
        ObjectNode requester = referral.putObject("requester");
        requester.set("agent", reference(practitionerId, referrerName));
        requester.set("onBehalfOf", reference(organizationId, practiceName));
        referral.set("specialty", codeableConcept(SPECIALTY_SYSTEM, specialtyCode, specialtyDisplay()));
        referral.putArray("reasonCode").addObject().put("text", reason);
        referral.put("description", "Digitale second opinion " + specialtyDisplay().toLowerCase(Locale.ROOT)
                + "; behandelend ziekenhuis: " + treatingHospital);
        addEntry(entries, referralRequestId, referral);

        return bundle;
    }

    /** A stable, fictitious practice AGB derived from the referrer's AGB (type 01, like a GP). */
    private String practiceAgb() {
        return "01" + String.format(Locale.ROOT, "%06d", Math.floorMod(referrerAgb.hashCode() * 31 + 7, 1_000_000));
    }

    private static ObjectNode resource(String type, UUID id) {
        ObjectNode node = JSON.createObjectNode();
        node.put("resourceType", type);
        node.put("id", id.toString());
        return node;
    }

    private static void addEntry(ArrayNode entries, UUID id, ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "urn:uuid:" + id);
        entry.set("resource", resource);
    }

    private static ObjectNode identifier(String system, String value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("system", system);
        node.put("value", value);
        return node;
    }

    private static ObjectNode reference(UUID id, String display) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reference", "urn:uuid:" + id);
        if (display != null) {
            node.put("display", display);
        }
        return node;
    }

    private static ObjectNode codeableConcept(String system, String code, String display) {
        ObjectNode concept = JSON.createObjectNode();
        ObjectNode coding = concept.putArray("coding").addObject();
        coding.put("system", system);
        coding.put("code", code);
        if (display != null) {
            coding.put("display", display);
            concept.put("text", display);
        }
        return concept;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- builder --------------------------------------------------------------------------------

    /** Parameters of a sample; every one has a default. */
    public static final class Builder {
        private String referrerAgb = DEFAULT_REFERRER_AGB;
        private String referrerName = DEFAULT_REFERRER_NAME;
        private String practiceName = DEFAULT_PRACTICE_NAME;
        private String specialtyCode = DEFAULT_SPECIALTY;
        private String treatingHospital = DEFAULT_TREATING_HOSPITAL;
        private String reason = "Patiënt twijfelt over het voorgestelde behandelbeleid van de behandelend"
                + " specialist en wil een onafhankelijke tweede mening voordat hij of zij een keuze maakt.";
        private Random random;
        private String bsn;
        private String zdNumber;
        private Instant timestamp;

        private Builder() {
        }

        /** The referring GP: AGB code (8 digits) and name. Default gp.jansen, 01123456, Anna Jansen. */
        public Builder referrer(String agb, String name) {
            if (!DutchIdentifiers.isValidAgb(agb)) {
                throw new IllegalArgumentException("an AGB code has 8 digits: " + agb);
            }
            this.referrerAgb = agb;
            this.referrerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The referrer as a demo user of the realm (must have an AGB code). */
        public Builder referrer(DemoUsers.DemoUser gp) {
            if (gp.agb() == null) {
                throw new IllegalArgumentException(gp.username() + " has no AGB code");
            }
            return referrer(gp.agb(), gp.name());
        }

        public Builder practiceName(String practiceName) {
            this.practiceName = Objects.requireNonNull(practiceName);
            return this;
        }

        /** Specialty code as in the realm's {@code specialty} attribute, e.g. cardiology, orthopaedics. */
        public Builder specialty(String code) {
            this.specialtyCode = Objects.requireNonNull(code);
            return this;
        }

        public Builder treatingHospital(String treatingHospital) {
            this.treatingHospital = Objects.requireNonNull(treatingHospital);
            return this;
        }

        /** The free-text reason for the referral ({@code ReferralRequest.reasonCode[0].text}). */
        public Builder reason(String reason) {
            this.reason = Objects.requireNonNull(reason);
            return this;
        }

        /** Picks the patient's details; ids stay random whatever this is. */
        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        /** A fixed BSN (must pass the 11-proef), e.g. to send several referrals for one patient. */
        public Builder bsn(String bsn) {
            if (!isValidBsn(bsn)) {
                throw new IllegalArgumentException("not a valid BSN (11-proef)");
            }
            this.bsn = bsn;
            return this;
        }

        /** A fixed ZD number, e.g. for a second document of the same referral. */
        public Builder zdNumber(String zdNumber) {
            if (!isValidZdNumber(zdNumber)) {
                throw new IllegalArgumentException("a ZD number is ZD + 9 digits: " + zdNumber);
            }
            this.zdNumber = zdNumber;
            return this;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public SampleReferral build() {
            return new SampleReferral(this);
        }
    }
}
