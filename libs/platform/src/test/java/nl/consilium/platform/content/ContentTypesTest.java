package nl.consilium.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};
    private static final byte[] TEXT = "Aanvullende informatie".getBytes(StandardCharsets.UTF_8);

    private static byte[] bytes(String name) {
        return switch (name) {
            case "pdf" -> PDF;
            case "png" -> PNG;
            case "jpeg" -> JPEG;
            case "text" -> TEXT;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @CsvSource({
            // declared, bytes, verifiable, detected, mismatch
            "application/pdf, pdf, true, application/pdf, false",
            "application/pdf, png, true, image/png, true",
            "image/png, png, true, image/png, false",
            "image/jpeg, jpeg, true, image/jpeg, false",
            "image/jpg, jpeg, true, image/jpeg, false",
            "image/jpeg, pdf, true, application/pdf, true",
            "text/plain, text, true, , false",
            "text/plain, pdf, true, application/pdf, true",
            "application/json, png, true, image/png, true",
            "application/octet-stream, pdf, false, application/pdf, false",
    })
    void theDeclaredTypeIsCheckedAgainstTheBytes(String declared, String content, boolean verifiable, String detected,
            boolean mismatch) {
        var verdict = ContentTypes.check(declared, bytes(content));
        assertThat(verdict.verifiable()).isEqualTo(verifiable);
        assertThat(verdict.detected()).isEqualTo(detected);
        assertThat(verdict.mismatch()).isEqualTo(mismatch);
    }

    @ParameterizedTest
    @CsvSource(value = {"'Application/PDF; charset=binary'|application/pdf", "' image/png '|image/png", "'  '|"},
            delimiter = '|')
    void declaredTypesAreNormalised(String declared, String normalised) {
        assertThat(ContentTypes.normalise(declared)).isEqualTo(normalised);
    }
}
