package nl.consilium.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "999999990", "123456782"})
    void knownValidNumbersPass(String bsn) {
        assertThat(SampleReferral.isValidBsn(bsn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "000000000", "12345678", "1234567820", "12345678a", " 23456782",
            "-23456782", "111222334"})
    void invalidNumbersFail(String bsn) {
        assertThat(SampleReferral.isValidBsn(bsn)).isFalse();
    }

    @Test
    void generatedNumbersPassTheElevenTestAndVary() {
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String bsn = SampleReferral.validBsn(random);
            assertThat(bsn).matches("[1-9]\\d{8}");
            assertThat(SampleReferral.isValidBsn(bsn)).as(bsn).isTrue();
            assertThat(elevenTest(bsn)).as(bsn).isTrue();
            seen.add(bsn);
        }
        assertThat(seen).hasSizeGreaterThan(4_900);
    }

    @Test
    void sameSeedSameNumber() {
        assertThat(SampleReferral.validBsn(new Random(7))).isEqualTo(SampleReferral.validBsn(new Random(7)));
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
