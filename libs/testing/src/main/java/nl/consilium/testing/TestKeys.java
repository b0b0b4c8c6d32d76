package nl.consilium.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed TEST-ONLY RSA 2048 key pair (resources {@code test-only-private-key.pem}, PKCS#8, and
 * {@code test-only-public-key.pem}, X.509 SubjectPublicKeyInfo). It protects nothing: it exists so that
 * tests can sign tokens that quarkus-oidc verifies for real. Never configure it outside tests.
 */
final class TestKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    static final RSAPrivateKey PRIVATE_KEY = (RSAPrivateKey) decode("test-only-private-key.pem", "PRIVATE KEY");
    static final RSAPublicKey PUBLIC_KEY = (RSAPublicKey) decode("test-only-public-key.pem", "PUBLIC KEY");

    private TestKeys() {
    }

    /** The public key as quarkus-oidc's {@code public-key} wants it: base64 DER, no PEM armour. */
    static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(PUBLIC_KEY.getEncoded());
    }

    /** A fresh key pair that nothing trusts, for negative tests. */
    static KeyPair freshKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static Object decode(String resource, String label) {
        String text;
        try (InputStream in = TestKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pem = PEM.matcher(text);
        if (!pem.find() || !pem.group(1).equals(label)) {
            throw new IllegalStateException(resource + " holds no PEM block '" + label + "'");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.group(2).strip());
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return label.equals("PRIVATE KEY")
                    ? rsa.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : rsa.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
