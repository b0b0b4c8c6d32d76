package nl.consilium.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DutchIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "999999990", "123456782"})
    void theElfProefAcceptsTheKnownValidBsns(String bsn) {
        assertThat(DutchIdentifiers.isValidBsn(bsn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "000000000", "12345678", "1234567820", "12345678a", " 11122233",
            "-23456782", "111222334"})
    void theElfProefRefusesEverythingElse(String bsn) {
        assertThat(DutchIdentifiers.isValidBsn(bsn)).isFalse();
    }

    @Test
    void theCheckDigitCompletesABsnOrSaysThereIsNone() {
        assertThat(DutchIdentifiers.bsnCheckDigit("11122233")).isEqualTo(3);
        assertThat(DutchIdentifiers.bsnCheckDigit("99999999")).isEqualTo(0);
        assertThat(DutchIdentifiers.bsnCheckDigit("10000001")).isEqualTo(0); // 9 + 2 = 11
        assertThat(DutchIdentifiers.bsnCheckDigit("10000006")).as("9 + 12 = 21 leaves 10: no digit fits").isEqualTo(-1);
        assertThatThrownBy(() -> DutchIdentifiers.bsnCheckDigit("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBsnsPassTheElfProefAndAreSeeded() {
        SplittableRandom random = new SplittableRandom(42);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String bsn = DutchIdentifiers.randomBsn(random);
            assertThat(bsn).matches("[1-9]\\d{8}");
            assertThat(DutchIdentifiers.isValidBsn(bsn)).as(bsn).isTrue();
            assertThat(elevenTest(bsn)).as(bsn).isTrue();
            seen.add(bsn);
        }
        assertThat(seen).as("they vary").hasSizeGreaterThan(4_900);
        assertThat(DutchIdentifiers.randomBsn(new SplittableRandom(7)))
                .isEqualTo(DutchIdentifiers.randomBsn(new SplittableRandom(7)));
    }

    @Test
    void agbBigAndZdNumbersHaveTheirShape() {
        assertThat(DutchIdentifiers.isValidAgb("01123456")).isTrue();
        assertThat(DutchIdentifiers.isValidAgb("0112345")).isFalse();
        assertThat(DutchIdentifiers.isValidAgb("0112345x")).isFalse();
        assertThat(DutchIdentifiers.isValidAgb(null)).isFalse();
        assertThat(DutchIdentifiers.isValidBig("19012345601")).isTrue();
        assertThat(DutchIdentifiers.isValidBig("1901234560")).isFalse();
        assertThat(DutchIdentifiers.isValidZorgDomeinNumber("ZD123456789")).isTrue();
        assertThat(DutchIdentifiers.isValidZorgDomeinNumber("ZD12345678")).isFalse();
        assertThat(DutchIdentifiers.isValidZorgDomeinNumber("zd123456789")).isFalse();
    }

    /** The rule written out once more, independently: 9·d1+…+2·d8−d9 ≡ 0 (mod 11). */
    private static boolean elevenTest(String bsn) {
        int[] weights = {9, 8, 7, 6, 5, 4, 3, 2, -1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (bsn.charAt(i) - '0');
        }
        return sum % 11 == 0 && !bsn.equals("000000000");
    }
}
