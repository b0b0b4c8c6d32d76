package nl.consilium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** The forms in which ingresses forward a verified client certificate. */
class ForwardedClientCertificateTest {

    private static final String PEM = SecurityTestMaterial.read("client-trusted.crt");
    private static final X500Principal SUBJECT = new X500Principal(SecurityTestMaterial.TRUSTED_CLIENT_DN);

    @Test
    void nginxEscapedPem() {
        assertThat(ForwardedClientCertificate.parse(ProxyHeaderTest.nginxEscaped(PEM)).getSubjectX500Principal())
                .isEqualTo(SUBJECT);
    }

    @Test
    void formEncodedPemAndPemOnOneLine() {
        assertThat(ForwardedClientCertificate.parse(URLEncoder.encode(PEM, StandardCharsets.UTF_8))
                .getSubjectX500Principal()).isEqualTo(SUBJECT);
        assertThat(ForwardedClientCertificate.parse(PEM.replace("\n", " ")).getSubjectX500Principal())
                .isEqualTo(SUBJECT);
    }

    @Test
    void base64DerOfTheFirstCertificateOfAChain() throws Exception {
        X509Certificate certificate = ForwardedClientCertificate.parse(PEM);
        String der = Base64.getEncoder().encodeToString(certificate.getEncoded());
        assertThat(ForwardedClientCertificate.parse(der + "," + der).getSubjectX500Principal()).isEqualTo(SUBJECT);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> ForwardedClientCertificate.parse("garbage%%"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ForwardedClientCertificate.parse("bm90IGEgY2VydGlmaWNhdGU="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
