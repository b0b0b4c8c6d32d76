package nl.consilium.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ZorgDomein's RSA signing keys, read from PEM: {@code PUBLIC KEY} (SubjectPublicKeyInfo) or
 * {@code CERTIFICATE} blocks, one or more per value or file.
 */
public final class TrustedKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    /**
     * One key. {@code ids} are the names it answers to as a {@code kid}: its configured name and, for a
     * certificate, its SHA-1 and SHA-256 thumbprints (base64url, as in {@code x5t}/{@code x5t#S256}).
     */
    public record Key(String name, Set<String> ids, RSAPublicKey publicKey, Optional<X509Certificate> certificate) {

        /** A key from a certificate is usable only within the certificate's validity. */
        public boolean usableAt(Instant now) {
            if (certificate.isEmpty()) {
                return true;
            }
            Date at = Date.from(now);
            return !at.before(certificate.get().getNotBefore()) && !at.after(certificate.get().getNotAfter());
        }
    }

    private final List<Key> keys;

    public TrustedKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    public List<Key> all() {
        return keys;
    }

    /** The keys a token's {@code kid} names; empty when it names none. */
    public List<Key> byId(String kid) {
        return keys.stream().filter(k -> k.ids().contains(kid)).toList();
    }

    /** Reads the configured keys; a key that cannot be read stops the start with a clear message. */
    public static TrustedKeys from(Map<String, ZorgDomeinSecurityConfig.TrustedKey> configured) {
        List<Key> keys = new ArrayList<>();
        new TreeMap<>(configured).forEach((name, source) -> {
            if (source.pem().isEmpty() && source.file().isEmpty()) {
                throw new IllegalStateException("ZorgDomein trusted key " + name + " needs a pem or a file");
            }
            source.pem().ifPresent(pem -> keys.addAll(parse(name, pem, "value")));
            source.file().ifPresent(file -> {
                try {
                    keys.addAll(parse(name, Files.readString(Path.of(file), StandardCharsets.US_ASCII), file));
                } catch (IOException e) {
                    throw new IllegalStateException("ZorgDomein trusted key " + name + ": cannot read " + file, e);
                }
            });
        });
        return new TrustedKeys(keys);
    }

    /** The RSA keys in PEM text; several blocks give keys {@code name}, {@code name#2}, .... */
    public static List<Key> parse(String name, String pemText, String where) {
        List<Key> keys = new ArrayList<>();
        Matcher matcher = PEM.matcher(pemText);
        while (matcher.find()) {
            String type = matcher.group(1);
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
            String keyName = keys.isEmpty() ? name : name + "#" + (keys.size() + 1);
            try {
                switch (type) {
                    case "PUBLIC KEY" -> {
                        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                        keys.add(new Key(keyName, Set.of(keyName), (RSAPublicKey) key, Optional.empty()));
                    }
                    case "CERTIFICATE" -> {
                        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                                .generateCertificate(new ByteArrayInputStream(der));
                        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
                            throw new IllegalStateException("ZorgDomein trusted key " + keyName + " (" + where
                                    + ") is a certificate without an RSA key");
                        }
                        keys.add(new Key(keyName, Set.of(keyName, thumbprint("SHA-1", der),
                                thumbprint("SHA-256", der)), rsa, Optional.of(certificate)));
                    }
                    default -> throw new IllegalStateException("ZorgDomein trusted key " + keyName + " (" + where
                            + "): PEM type " + type + " is not supported; use PUBLIC KEY or CERTIFICATE");
                }
            } catch (GeneralSecurityException | ClassCastException e) {
                throw new IllegalStateException("ZorgDomein trusted key " + keyName + " (" + where
                        + ") is not an RSA public key or X.509 certificate", e);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("ZorgDomein trusted key " + name + " (" + where + ") holds no PEM block");
        }
        return keys;
    }

    static String thumbprint(String algorithm, byte[] der) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(algorithm).digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
