package nl.consilium.gateway.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.identifiers.DutchIdentifiers;
import nl.consilium.gateway.domain.document.AppointmentRequestDocument;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;
import nl.consilium.gateway.domain.document.stu3.FhirStu3DocumentReader;
import org.junit.jupiter.api.Test;

/** Every generated document is read by the gateway's HAPI reader, in JSON and XML, and they differ. */
class ReferralGeneratorTest {

    private static final FhirStu3DocumentReader READER = new FhirStu3DocumentReader();
    private static final int COUNT = 500;

    @Test
    void fiveHundredReferralsAreValidInJsonAndXmlAndSayWhatTheyCarry() {
        List<GeneratedReferral> referrals = new ReferralGenerator(42).next(COUNT);
        assertThat(referrals).hasSize(COUNT);
        for (GeneratedReferral referral : referrals) {
            assertThat(DutchIdentifiers.isValidBsn(referral.bsn())).as(referral.bsn()).isTrue();
            assertThat(referral.gpAgb()).matches("01\\d{6}");
            assertThat(referral.practiceAgb()).matches("01\\d{6}");
            assertThat(referral.zdNumber()).matches("ZD\\d{9}");
            AppointmentRequestDocument json = read(referral.jsonBytes(), DocumentFormat.JSON);
            AppointmentRequestDocument xml = read(referral.xmlBytes(), DocumentFormat.XML);
            assertThat(xml).as("JSON and XML carry the same document").isEqualTo(json);
            assertThat(json.header().bundleId()).isEqualTo(referral.bundleId());
            assertThat(json.header().zorgDomeinNumber()).isEqualTo(referral.zdNumber());
            assertThat(json.header().type()).isEqualTo(DocumentType.APPOINTMENT_REQUEST);
            assertThat(json.header().composedAt()).isNotNull();
            assertThat(json.patient().bsn()).isEqualTo(referral.bsn());
            assertThat(json.patient().name()).isEqualTo(referral.patientName());
            assertThat(json.patient().birthDate()).isEqualTo(referral.birthDate());
            assertThat(json.patient().gender()).isEqualTo(referral.gender());
            assertThat(json.patient().phone()).isEqualTo(referral.phone());
            assertThat(json.patient().email()).isEqualTo(referral.email());
            assertThat(json.referrer().agb()).isEqualTo(referral.gpAgb());
            assertThat(json.referrer().name()).isEqualTo(referral.gpName());
            assertThat(json.referrer().role().code()).isEqualTo("01.015");
            assertThat(json.referrer().organisation().name()).isEqualTo(referral.practice());
            assertThat(json.referrer().organisation().agb()).isEqualTo(referral.practiceAgb());
            assertThat(json.requestedProduct().code()).isEqualTo(referral.product());
            assertThat(json.treating().specialty().code()).isEqualTo(referral.specialty());
            assertThat(json.treating().hospital()).isEqualTo(referral.hospital());
            assertThat(json.treating().specialist()).isEqualTo(referral.specialist());
        }
    }

    @Test
    void theReferralsAreVariedAndTheirIdentifiersUnique() {
        List<GeneratedReferral> referrals = new ReferralGenerator(7).next(COUNT);
        assertThat(distinct(referrals, GeneratedReferral::bundleId)).hasSize(COUNT);
        assertThat(distinct(referrals, GeneratedReferral::zdNumber)).hasSize(COUNT);
        assertThat(distinct(referrals, GeneratedReferral::bsn)).hasSize(COUNT);
        Set<String> agbs = new HashSet<>(distinct(referrals, GeneratedReferral::gpAgb));
        agbs.addAll(distinct(referrals, GeneratedReferral::practiceAgb));
        assertThat(agbs).as("GP and practice AGB codes are all different").hasSize(2 * COUNT);
        assertThat(distinct(referrals, GeneratedReferral::specialty))
                .contains("cardiology", "orthopaedics", "neurology").hasSizeGreaterThanOrEqualTo(10);
        assertThat(distinct(referrals, GeneratedReferral::gender)).contains("female", "male");
        assertThat(distinct(referrals, GeneratedReferral::patientName)).hasSizeGreaterThan(COUNT / 2);
        assertThat(distinct(referrals, r -> r.birthDate().getYear())).hasSizeGreaterThan(50);
        assertThat(distinct(referrals, GeneratedReferral::practice)).hasSizeGreaterThan(50);
        assertThat(distinct(referrals, GeneratedReferral::hospital)).hasSizeGreaterThan(3);
        assertThat(distinct(referrals, r -> r.phone().startsWith("06"))).containsExactlyInAnyOrder(true, false);
        assertThat(referrals).anyMatch(r -> r.email() == null).anyMatch(r -> r.email() != null);
        assertThat(referrals).anyMatch(r -> r.patientName().contains("van ") || r.patientName().contains("de "));
        assertThat(distinct(referrals, GeneratedReferral::product)).containsExactly("SECOND_OPINION");
    }

    @Test
    void theSameSeedGivesTheSameDocumentsAndAnotherSeedOthers() {
        List<GeneratedReferral> first = new ReferralGenerator(2026).next(20);
        List<GeneratedReferral> again = new ReferralGenerator(2026).next(20);
        List<GeneratedReferral> other = new ReferralGenerator(2027).next(20);
        assertThat(again).isEqualTo(first);
        assertThat(distinct(other, GeneratedReferral::bundleId))
                .doesNotContainAnyElementsOf(distinct(first, GeneratedReferral::bundleId));
        assertThat(distinct(other, GeneratedReferral::zdNumber))
                .doesNotContainAnyElementsOf(distinct(first, GeneratedReferral::zdNumber));
    }

    @Test
    void otherProductsAreReadAndVaried() {
        List<GeneratedReferral> referrals = new ReferralGenerator(3, ReferralGenerator.PRODUCTS).next(100);
        assertThat(distinct(referrals, GeneratedReferral::product))
                .containsExactlyInAnyOrderElementsOf(ReferralGenerator.PRODUCTS.stream()
                        .map(ReferralGenerator.Product::code).toList());
        for (GeneratedReferral referral : referrals) {
            assertThat(read(referral.jsonBytes(), DocumentFormat.JSON).requestedProduct().code())
                    .isEqualTo(referral.product());
        }
    }

    @Test
    void theCheckDigitFollowsTheElevenTest() {
        assertThat(DutchIdentifiers.bsnCheckDigit("99999999")).isEqualTo(0); // 999999990
        assertThat(DutchIdentifiers.isValidBsn("999999990")).isTrue();
        assertThat(DutchIdentifiers.bsnCheckDigit("12345678")).isEqualTo(2); // 123456782
        assertThat(DutchIdentifiers.isValidBsn("123456782")).isTrue();
        assertThat(DutchIdentifiers.bsnCheckDigit("00000005")).isEqualTo(-1); // sum 10: the check digit would be 10, no BSN
    }

    @Test
    void theReaderWouldCatchABrokenGeneratorBsn() {
        GeneratedReferral referral = new ReferralGenerator(11).next();
        String last = referral.bsn().substring(8);
        String broken = referral.bsn().substring(0, 8) + (last.equals("9") ? "8" : String.valueOf(
                Integer.parseInt(last) + 1));
        assertThatThrownBy(() -> READER.read(referral.json().replace(referral.bsn(), broken)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), DocumentFormat.JSON))
                .isInstanceOf(DocumentRejected.class);
    }

    private static AppointmentRequestDocument read(byte[] body, DocumentFormat format) {
        ZorgDomeinDocument document = READER.read(body, format);
        assertThat(document).isInstanceOf(AppointmentRequestDocument.class);
        return (AppointmentRequestDocument) document;
    }

    private static <T> Set<T> distinct(List<GeneratedReferral> referrals, Function<GeneratedReferral, T> value) {
        return referrals.stream().map(value).collect(Collectors.toSet());
    }
}
