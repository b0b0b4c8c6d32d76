package nl.consilium.gateway.security;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the client certificate an ingress forwards in a header: URL-encoded PEM (nginx
 * {@code $ssl_client_escaped_cert}), PEM with its line breaks turned into spaces, or base64 DER
 * (Traefik); of a chain, the first (the client's own) certificate.
 */
public final class ForwardedClientCertificate {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN[ +]CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END[ +]CERTIFICATE-----");

    private ForwardedClientCertificate() {
    }

    /**
     * @throws IllegalArgumentException when the header holds no X.509 certificate
     */
    public static X509Certificate parse(String headerValue) {
        String value = headerValue.strip();
        if (value.contains("%")) {
            // URL-decoding, but a literal '+' of base64 stays a '+'
            value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        byte[] der;
        try {
            Matcher pem = PEM.matcher(value);
            if (pem.find()) {
                der = Base64.getMimeDecoder().decode(pem.group(1).replaceAll("\\s", ""));
            } else {
                String first = value.split(",")[0].replaceAll("\\s", "");
                der = Base64.getDecoder().decode(first);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the client certificate header is not PEM or base64");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("the client certificate header holds no X.509 certificate");
        }
    }
}
