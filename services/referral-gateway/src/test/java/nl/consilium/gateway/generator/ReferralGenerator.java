package nl.consilium.gateway.generator;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import nl.consilium.identifiers.DutchIdentifiers;
import nl.consilium.gateway.domain.document.ZorgDomeinProfile;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Makes any number of valid, varied, fictitious ZorgDomein {@code appointment-request} document Bundles
 * (FHIR STU3, JSON and XML) for load and system tests, shaped like
 * {@code src/test/resources/zorgdomein/appointment-request.json}: Composition first, then Patient,
 * Practitioner (GP), PractitionerRole, Organization (practice), ReferralRequest and the treating
 * specialist, all referenced by {@code urn:uuid} fullUrl.
 *
 * <p>Deterministic: the same seed gives the same documents in the same order. Within one generator every
 * Bundle id, ZD number and BSN is unique (the ZD numbers and BSN prefixes walk a permutation of their
 * number space from a seed-derived start); BSNs pass the 11-proef, GP AGB codes are {@code 01} + 6
 * digits. Two generators with different seeds may overlap in ZD numbers or BSNs (rarely): against a
 * database that outlives one test, use a fresh seed ({@link #withRandomSeed()}).
 *
 * <p>Products: by default only {@link #SECOND_OPINION}, the one the gateway accepts out of the box; pass
 * others (for example {@link #PRODUCTS}) to test the 422 for products the platform does not offer.
 * Not thread-safe: one generator per thread.
 */
public final class ReferralGenerator {

    /** A ZorgDomein product code and its display. */
    public record Product(String code, String display) {
    }

    /** A medical specialty of the treating doctor (codes as in the platform's specialist registry). */
    public record Specialty(String code, String display) {
    }

    public static final Product SECOND_OPINION = new Product("SECOND_OPINION", "Digitale second opinion");

    /** Products a referrer may pick in ZorgDomein; only SECOND_OPINION is offered by default. */
    public static final List<Product> PRODUCTS = List.of(SECOND_OPINION,
            new Product("SECOND_OPINION_CONSULT", "Second opinion met videoconsult"),
            new Product("EADVIES", "E-consult specialist"),
            new Product("POLI_INTAKE", "Intake polikliniek"));

    public static final List<Specialty> SPECIALTIES = List.of(
            new Specialty("cardiology", "Cardiologie"),
            new Specialty("orthopaedics", "Orthopedie"),
            new Specialty("neurology", "Neurologie"),
            new Specialty("internal-medicine", "Interne geneeskunde"),
            new Specialty("pulmonology", "Longziekten"),
            new Specialty("gastroenterology", "Maag-, darm- en leverziekten"),
            new Specialty("urology", "Urologie"),
            new Specialty("dermatology", "Dermatologie"),
            new Specialty("rheumatology", "Reumatologie"),
            new Specialty("surgery", "Heelkunde"),
            new Specialty("gynaecology", "Gynaecologie"),
            new Specialty("ophthalmology", "Oogheelkunde"),
            new Specialty("otorhinolaryngology", "Keel-, neus- en oorheelkunde"),
            new Specialty("oncology", "Oncologie"));

    static final String ZD_PRODUCT_SYSTEM = "http://zorgdomein.nl/terminology/code-system/product";
    static final String DOCUMENT_TYPE_SYSTEM = "http://zorgdomein.nl/terminology/code-system/document-type";
    static final String SPECIALTY_SYSTEM = "https://consilium.nl/fhir/CodeSystem/specialty";
    static final String ROLE_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.15.111";
    static final String BIG_SYSTEM = "http://fhir.nl/fhir/NamingSystem/big";
    static final String OWN_PREFIX = "http://hl7.org/fhir/StructureDefinition/humanname-own-prefix";
    static final String OWN_NAME = "http://hl7.org/fhir/StructureDefinition/humanname-own-name";

    private static final List<String> FEMALE = List.of("Maria", "Anna", "Fenna", "Sophie", "Emma", "Julia", "Tess",
            "Lotte", "Sanne", "Femke", "Ingrid", "Wilhelmina", "Johanna", "Noor", "Saskia", "Yasmina", "Fatima",
            "Elif", "Mei", "Anouk");
    private static final List<String> MALE = List.of("Pieter", "Jan", "Daan", "Sem", "Lucas", "Bram", "Thijs",
            "Hendrik", "Kees", "Willem", "Jeroen", "Mohamed", "Ahmed", "Mehmet", "Ruben", "Joost", "Sven", "Tim",
            "Arjen", "Wei");
    private static final List<String> NEUTRAL = List.of("Alex", "Robin", "Sam", "Kim", "Charlie", "Jip");
    /** Family names with their own prefix (voorvoegsel), empty when none. */
    private static final List<String[]> FAMILIES = List.of(new String[] {"", "Jansen"},
            new String[] {"de", "Vries"}, new String[] {"van den", "Berg"}, new String[] {"", "Bakker"},
            new String[] {"van", "Dijk"}, new String[] {"", "Visser"}, new String[] {"", "Smit"},
            new String[] {"", "Meijer"}, new String[] {"de", "Boer"}, new String[] {"", "Mulder"},
            new String[] {"de", "Groot"}, new String[] {"", "Bos"}, new String[] {"", "Vos"},
            new String[] {"", "Peters"}, new String[] {"", "Hendriks"}, new String[] {"van der", "Linden"},
            new String[] {"", "Dekker"}, new String[] {"van", "Leeuwen"}, new String[] {"", "Postma"},
            new String[] {"", "Yilmaz"}, new String[] {"El", "Amrani"}, new String[] {"", "Nguyen"},
            new String[] {"ter", "Horst"}, new String[] {"", "Kok"}, new String[] {"van 't", "Hof"});
    private static final List<String> PRACTICE_NAMES = List.of("Het Anker", "De Linde", "De Vaart",
            "Zuiderpark", "Het Kompas", "De Eik", "Oosterpoort", "De Brug", "Centrum", "De Horst", "Kastanjehof",
            "De Meander");
    private static final List<String> PLACES = List.of("Groningen", "Leeuwarden", "Assen", "Zwolle", "Utrecht",
            "Amersfoort", "Nijmegen", "Eindhoven", "Tilburg", "Rotterdam", "Den Haag", "Haarlem", "Amsterdam",
            "Middelburg", "Maastricht", "Enschede");
    private static final List<String> HOSPITALS = List.of("Ziekenhuis Noorderhaven", "Ziekenhuis West",
            "Ziekenhuis Noord", "Rivierenland Ziekenhuis", "Medisch Centrum De Poort", "Streekziekenhuis Oost",
            "Academisch Ziekenhuis Zuid");
    private static final List<String> STREETS = List.of("Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat",
            "Stationsweg", "Julianalaan", "Beatrixstraat", "Eikenlaan", "Havenkade", "Brink");
    private static final List<String> REASONS = List.of("Twijfel over het voorgestelde behandelbeleid.",
            "Patiënt wil een tweede mening over de diagnose.", "Twijfel over de noodzaak van een operatie.",
            "Klachten houden aan ondanks behandeling.", "Patiënt wil weten of er alternatieven zijn.");
    private static final List<String> MAIL_DOMAINS = List.of("example.org", "example.com", "example.net");

    /** Steps coprime with their modulus: i → start + i·step walks the whole space without repeating. */
    private static final long ZD_SPACE = 1_000_000_000L;
    private static final long ZD_STEP = 618_033_989L;
    private static final long BSN_SPACE = 100_000_000L;
    private static final long BSN_STEP = 61_803_399L;
    private static final long AGB_SPACE = 1_000_000L;
    private static final long AGB_STEP = 618_031L;

    private static final FhirContext FHIR = FhirContext.forDstu3Cached();

    private final long seed;
    private final SplittableRandom random;
    private final List<Product> products;
    private final long zdStart;
    private final long bsnStart;
    private final long agbStart;
    private long index;
    private long bsnIndex;
    private long agbIndex;

    /** Documents for the default product ({@link #SECOND_OPINION}), deterministic from {@code seed}. */
    public ReferralGenerator(long seed) {
        this(seed, List.of(SECOND_OPINION));
    }

    /** Documents for the given products (picked at random), deterministic from {@code seed}. */
    public ReferralGenerator(long seed, List<Product> products) {
        if (Objects.requireNonNull(products, "products").isEmpty()) {
            throw new IllegalArgumentException("products must not be empty");
        }
        this.seed = seed;
        this.products = List.copyOf(products);
        this.random = new SplittableRandom(seed);
        SplittableRandom starts = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.zdStart = starts.nextLong(ZD_SPACE);
        this.bsnStart = starts.nextLong(BSN_SPACE);
        this.agbStart = starts.nextLong(AGB_SPACE);
    }

    /** A generator with a random seed: for tests against a database that keeps earlier runs' referrals. */
    public static ReferralGenerator withRandomSeed() {
        return new ReferralGenerator(new java.security.SecureRandom().nextLong());
    }

    public long seed() {
        return seed;
    }

    /** The next referral. */
    public GeneratedReferral next() {
        long i = index++;
        UUID bundleId = uuid(i, 0);
        String zdNumber = "ZD" + String.format(Locale.ROOT, "%09d", Math.floorMod(zdStart + i * ZD_STEP, ZD_SPACE));
        String bsn = nextBsn();
        String gpAgb = nextGpAgb();
        String practiceAgb = nextGpAgb();

        AdministrativeGender gender = gender();
        String given = switch (gender) {
            case FEMALE -> pick(FEMALE);
            case MALE -> pick(MALE);
            default -> pick(NEUTRAL);
        };
        String[] family = pick(FAMILIES);
        String patientName = given + " " + familyName(family);
        LocalDate birthDate = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(365 * 98));
        String phone = random.nextInt(3) == 0 ? landline() : mobile();
        String email = random.nextInt(5) == 0 ? null : mail(given, family);

        String gpGiven = random.nextBoolean() ? pick(FEMALE) : pick(MALE);
        String[] gpFamily = pick(FAMILIES);
        String gpName = gpGiven + " " + familyName(gpFamily);
        String place = pick(PLACES);
        String practice = "Huisartsenpraktijk " + pick(PRACTICE_NAMES) + " " + place;
        Specialty specialty = pick(SPECIALTIES);
        Product product = pick(products);
        String hospital = pick(HOSPITALS);
        String specialistGiven = random.nextBoolean() ? pick(FEMALE) : pick(MALE);
        String specialist = specialistGiven + " " + familyName(pick(FAMILIES));
        OffsetDateTime composed = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1))
                .plusSeconds(random.nextLong(330L * 24 * 3600));

        Bundle bundle = bundle(i, bundleId, zdNumber, composed, bsn, given, family, patientName, gender, birthDate,
                phone, email, place, gpAgb, gpGiven, gpFamily, gpName, practice, practiceAgb, specialty, product,
                hospital, specialist);
        String json = FHIR.newJsonParser().setPrettyPrint(random.nextBoolean()).encodeResourceToString(bundle);
        String xml = FHIR.newXmlParser().setPrettyPrint(random.nextBoolean()).encodeResourceToString(bundle);
        return new GeneratedReferral(bundleId.toString(), zdNumber, bsn, patientName, birthDate,
                gender.toCode(), phone, email, gpAgb, gpName, practice, practiceAgb, product.code(),
                specialty.code(), hospital, specialist, json, xml);
    }

    /** The next {@code count} referrals. */
    public List<GeneratedReferral> next(int count) {
        List<GeneratedReferral> referrals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            referrals.add(next());
        }
        return referrals;
    }

    /** An endless stream of referrals (limit it). */
    public Stream<GeneratedReferral> stream() {
        return Stream.generate(this::next);
    }

    // --- identifiers ------------------------------------------------------------------------------

    private String nextBsn() {
        while (true) {
            long prefix = Math.floorMod(bsnStart + bsnIndex++ * BSN_STEP, BSN_SPACE);
            String eight = String.format(Locale.ROOT, "%08d", prefix);
            int check = DutchIdentifiers.bsnCheckDigit(eight);
            if (check >= 0 && prefix != 0) {
                return eight + check;
            }
        }
    }

    /** A GP's (or GP practice's) AGB code: provider type 01 and 6 digits, unique per generator up to 10^6. */
    private String nextGpAgb() {
        return "01" + String.format(Locale.ROOT, "%06d", Math.floorMod(agbStart + agbIndex++ * AGB_STEP, AGB_SPACE));
    }

    private UUID uuid(long i, int resource) {
        return UUID.nameUUIDFromBytes(("consilium-referral-generator/" + seed + "/" + i + "/" + resource)
                .getBytes(StandardCharsets.UTF_8));
    }

    // --- the Bundle -------------------------------------------------------------------------------

    private Bundle bundle(long i, UUID bundleId, String zdNumber, OffsetDateTime composed, String bsn, String given,
            String[] family, String patientName, AdministrativeGender gender, LocalDate birthDate, String phone,
            String email, String place, String gpAgb, String gpGiven, String[] gpFamily, String gpName,
            String practice, String practiceAgb, Specialty specialty, Product product, String hospital,
            String specialist) {
        String compositionId = uuid(i, 1).toString();
        String patientId = uuid(i, 2).toString();
        String gpId = uuid(i, 3).toString();
        String roleId = uuid(i, 4).toString();
        String practiceId = uuid(i, 5).toString();
        String requestId = uuid(i, 6).toString();
        String specialistId = uuid(i, 7).toString();
        Date when = Date.from(composed.toInstant());
        String zone = composed.getOffset().getId();

        Composition composition = new Composition();
        composition.setId(compositionId);
        composition.setIdentifier(new Identifier().setSystem(ZorgDomeinProfile.ZD_NUMBER_SYSTEM).setValue(zdNumber));
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept(new Coding(DOCUMENT_TYPE_SYSTEM, "appointment-request",
                "Afspraakverzoek")).setText("Afspraakverzoek"));
        composition.setSubject(ref(patientId, patientName));
        composition.setDateElement(dateTime(when, zone));
        composition.addAuthor(ref(roleId, gpName));
        composition.setTitle("Verwijzing " + product.display().toLowerCase(Locale.ROOT) + " " + specialty.display());
        composition.addSection().setTitle("Verwijzing").addEntry(ref(requestId, null));

        Patient patient = new Patient();
        patient.setId(patientId);
        patient.getMeta().addProfile("http://fhir.nl/fhir/StructureDefinition/nl-core-patient");
        patient.addIdentifier().setSystem(ZorgDomeinProfile.BSN_SYSTEM).setValue(bsn);
        patient.addName(name(given, family, patientName).setUse(HumanName.NameUse.OFFICIAL));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone)
                .setUse(phone.startsWith("06") ? ContactPoint.ContactPointUse.MOBILE : ContactPoint.ContactPointUse.HOME);
        if (email != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email)
                    .setUse(ContactPoint.ContactPointUse.HOME);
        }
        patient.setGender(gender);
        patient.setBirthDateElement(new DateType(birthDate.toString()));
        patient.addAddress().setUse(org.hl7.fhir.dstu3.model.Address.AddressUse.HOME)
                .addLine(pick(STREETS) + " " + (1 + random.nextInt(250))).setCity(place)
                .setPostalCode(String.format(Locale.ROOT, "%04d %c%c", 1000 + random.nextInt(9000),
                        (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26))))
                .setCountry("NL");

        Practitioner gp = new Practitioner();
        gp.setId(gpId);
        gp.addIdentifier().setSystem(ZorgDomeinProfile.AGB_SYSTEM).setValue(gpAgb);
        gp.addName(name(gpGiven, gpFamily, gpName).setUse(HumanName.NameUse.OFFICIAL));

        PractitionerRole role = new PractitionerRole();
        role.setId(roleId);
        role.setPractitioner(ref(gpId, gpName));
        role.setOrganization(ref(practiceId, practice));
        role.addCode(new CodeableConcept(new Coding(ROLE_SYSTEM, "01.015", "Huisarts")).setText("Huisarts"));
        role.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(landline())
                .setUse(ContactPoint.ContactPointUse.WORK);

        Organization organization = new Organization();
        organization.setId(practiceId);
        organization.addIdentifier().setSystem(ZorgDomeinProfile.AGB_SYSTEM).setValue(practiceAgb);
        organization.setName(practice);

        ReferralRequest request = new ReferralRequest();
        request.setId(requestId);
        request.addExtension(ZorgDomeinProfile.TREATING_HOSPITAL_EXTENSION, new StringType(hospital));
        request.addExtension(ZorgDomeinProfile.TREATING_SPECIALIST_EXTENSION, ref(specialistId, specialist));
        request.addIdentifier().setSystem(ZorgDomeinProfile.ZD_NUMBER_SYSTEM).setValue(zdNumber);
        request.setStatus(ReferralRequest.ReferralRequestStatus.ACTIVE);
        request.setIntent(ReferralRequest.ReferralCategory.ORDER);
        request.addServiceRequested(new CodeableConcept(new Coding(ZD_PRODUCT_SYSTEM, product.code(),
                product.display())).setText(product.display()));
        request.setSubject(new Reference("urn:uuid:" + patientId));
        request.setAuthoredOnElement(dateTime(when, zone));
        request.getRequester().setAgent(new Reference("urn:uuid:" + gpId))
                .setOnBehalfOf(new Reference("urn:uuid:" + practiceId));
        request.setSpecialty(new CodeableConcept(new Coding(SPECIALTY_SYSTEM, specialty.code(), specialty.display()))
                .setText(specialty.display()));
        request.addReasonCode().setText(pick(REASONS));

        Practitioner treating = new Practitioner();
        treating.setId(specialistId);
        treating.addIdentifier().setSystem(BIG_SYSTEM)
                .setValue(String.format(Locale.ROOT, "%011d", 10_000_000_000L + random.nextLong(89_999_999_999L)));
        String[] parts = specialist.split(" ", 2);
        treating.addName().setText(specialist).setFamily(parts[1]).addGiven(parts[0]);

        Bundle bundle = new Bundle();
        bundle.setId(bundleId.toString());
        bundle.getMeta().setLastUpdatedElement(new InstantType(when, ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone(zone)));
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + bundleId));
        bundle.setType(Bundle.BundleType.DOCUMENT);
        for (Resource resource : List.of(composition, patient, gp, role, organization, request, treating)) {
            bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
        }
        return bundle;
    }

    private static DateTimeType dateTime(Date when, String zone) {
        return new DateTimeType(when, ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone(zone));
    }

    private static Reference ref(String id, String display) {
        Reference reference = new Reference("urn:uuid:" + id);
        if (display != null) {
            reference.setDisplay(display);
        }
        return reference;
    }

    /** A Dutch name: the family name with its own prefix as the nl-core extensions, and text. */
    private static HumanName name(String given, String[] family, String text) {
        HumanName name = new HumanName().setText(text).setFamily(familyName(family)).addGiven(given);
        if (!family[0].isEmpty()) {
            name.getFamilyElement().addExtension(OWN_PREFIX, new StringType(family[0]));
            name.getFamilyElement().addExtension(OWN_NAME, new StringType(family[1]));
        }
        return name;
    }

    private static String familyName(String[] family) {
        return family[0].isEmpty() ? family[1] : family[0] + " " + family[1];
    }

    // --- varied values ----------------------------------------------------------------------------

    private AdministrativeGender gender() {
        int n = random.nextInt(100);
        return n < 48 ? AdministrativeGender.FEMALE : n < 96 ? AdministrativeGender.MALE
                : n < 98 ? AdministrativeGender.OTHER : AdministrativeGender.UNKNOWN;
    }

    private String mobile() {
        return "06" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
    }

    private String landline() {
        String[] areas = {"010", "020", "030", "040", "050", "058", "070", "073", "076", "0592"};
        String area = areas[random.nextInt(areas.length)];
        int digits = 10 - area.length();
        return area + String.format(Locale.ROOT, "%0" + digits + "d", random.nextLong((long) Math.pow(10, digits)));
    }

    private String mail(String given, String[] family) {
        String local = (given + "." + familyName(family)).toLowerCase(Locale.ROOT)
                .replace("'", "").replace(' ', '.').replaceAll("[^a-z.]", "");
        return local + (random.nextInt(4) == 0 ? String.valueOf(random.nextInt(100)) : "") + "@" + pick(MAIL_DOMAINS);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
