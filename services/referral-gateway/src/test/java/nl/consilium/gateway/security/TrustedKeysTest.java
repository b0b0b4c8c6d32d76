package nl.consilium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading ZorgDomein's signing keys from PEM. */
class TrustedKeysTest {

    @Test
    void aPublicKeyAnswersToItsName() {
        List<TrustedKeys.Key> keys = TrustedKeys.parse("zd-current", SecurityTestMaterial.read("zd-current.pub"), "value");
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.ids()).containsExactly("zd-current");
            assertThat(key.publicKey()).isEqualTo(SecurityTestMaterial.publicKey("zd-current"));
            assertThat(key.certificate()).isEmpty();
        });
    }

    @Test
    void aCertificateAnswersToItsNameAndThumbprintsAndIsUsableOnlyWhileValid() throws Exception {
        TrustedKeys.Key key = TrustedKeys.parse("zd-rotated", SecurityTestMaterial.read("zd-rotated.crt"), "file")
                .getFirst();
        byte[] der = key.certificate().orElseThrow().getEncoded();
        assertThat(key.ids()).containsExactlyInAnyOrder("zd-rotated", TrustedKeys.thumbprint("SHA-1", der),
                TrustedKeys.thumbprint("SHA-256", der));
        assertThat(key.publicKey()).isEqualTo(SecurityTestMaterial.publicKey("zd-rotated"));
        assertThat(key.usableAt(Instant.now())).isTrue();
        assertThat(key.usableAt(Instant.now().plusSeconds(60L * 60 * 24 * 365))).isFalse();
    }

    @Test
    void severalBlocksGiveSeveralKeys() {
        List<TrustedKeys.Key> keys = TrustedKeys.parse("zd", SecurityTestMaterial.read("zd-current.pub")
                + SecurityTestMaterial.read("zd-rotated.crt"), "value");
        assertThat(keys).extracting(TrustedKeys.Key::name).containsExactly("zd", "zd#2");
    }

    @Test
    void somethingElseStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> TrustedKeys.parse("zd", "not a pem", "value"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no PEM block");
        assertThatThrownBy(() -> TrustedKeys.parse("zd", SecurityTestMaterial.read("zd-current.key"), "value"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PRIVATE KEY is not supported");
    }
}
