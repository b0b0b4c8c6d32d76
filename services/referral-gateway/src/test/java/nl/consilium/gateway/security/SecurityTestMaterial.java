package nl.consilium.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates that the security tests generate at test time, written once per test JVM
 * under {@code target/security-test/<run>/}: the test profiles (which configure the gateway) and the
 * tests (which sign tokens and open TLS connections) may live in different class loaders, so they
 * meet on the file system. The run directory is kept in a system property, which all class loaders
 * share.
 *
 * <ul>
 * <li>JWT signing keys: {@code zd-current} (configured as a public key), {@code zd-rotated}
 * (configured as a self-signed certificate file), {@code rogue} (not trusted).</li>
 * <li>TLS: a CA, the server's key store (CN=localhost, SAN localhost/127.0.0.1), the server's trust
 * store (the CA), a client key store signed by the CA ({@code client-trusted}), one signed by a rogue
 * CA ({@code client-untrusted}), and the client's trust store (the CA).</li>
 * <li>PKIoverheid-like client certificates from the CA, with {@code organizationIdentifier}
 * (2.5.4.97, a UTF8String) in the subject: {@code client-pkio} ({@link #PKIO_CLIENT_DN}) and
 * {@code client-pkio-other} (another organizationIdentifier, otherwise the same subject).</li>
 * </ul>
 */
public final class SecurityTestMaterial {

    public static final String PASSWORD = "test-only-password";
    public static final String TRUSTED_CLIENT_DN = "CN=zorgdomein-test-client,O=ZorgDomein Test,C=NL";
    public static final String UNTRUSTED_CLIENT_DN = "CN=someone-else,O=Rogue,C=NL";
    /** As openssl prints a PKIoverheid subject ({@code -nameopt RFC2253} with spaces), the keyword spelled out. */
    public static final String PKIO_CLIENT_DN =
            "CN=zorgdomein.nl, organizationIdentifier=NTRNL-12345678, O=ZorgDomein B.V., C=NL";
    public static final String PKIO_ORGANIZATION_IDENTIFIER = "NTRNL-12345678";
    public static final String PKIO_OTHER_ORGANIZATION_IDENTIFIER = "NTRNL-87654321";
    private static final String RUN_DIR = "gateway-security-test-material.dir";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private SecurityTestMaterial() {
    }

    /** The directory with all material, generated on first use in this JVM. */
    public static Path dir() {
        synchronized (System.getProperties()) {
            String existing = System.getProperty(RUN_DIR);
            if (existing != null) {
                return Path.of(existing);
            }
            try {
                Path dir = Path.of("target", "security-test", UUID.randomUUID().toString()).toAbsolutePath();
                Files.createDirectories(dir);
                generate(dir);
                System.setProperty(RUN_DIR, dir.toString());
                return dir;
            } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
                throw new IllegalStateException("cannot generate the security test material", e);
            }
        }
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static String read(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private half of a JWT signing key ({@code zd-current}, {@code zd-rotated}, {@code rogue}). */
    public static PrivateKey privateKey(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(read(name + ".key"))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKey(String name) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(read(name + ".pub"))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyStore keyStore(String name) {
        try (var in = Files.newInputStream(file(name + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generate(Path dir) throws IOException, GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        // JWT signing keys
        for (String name : new String[] {"zd-current", "zd-rotated", "rogue"}) {
            KeyPair pair = rsa();
            Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve(name + ".pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            X509Certificate certificate = certificate("CN=" + name + ",O=ZorgDomein Test,C=NL", pair,
                    "CN=" + name + ",O=ZorgDomein Test,C=NL", pair.getPrivate(), false, null);
            Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
        }
        // TLS
        KeyPair caKeys = rsa();
        X509Certificate ca = certificate("CN=Consilium Test CA,C=NL", caKeys, "CN=Consilium Test CA,C=NL",
                caKeys.getPrivate(), true, null);
        KeyPair rogueCaKeys = rsa();
        X509Certificate rogueCa = certificate("CN=Rogue CA,C=NL", rogueCaKeys, "CN=Rogue CA,C=NL",
                rogueCaKeys.getPrivate(), true, null);
        KeyPair serverKeys = rsa();
        X509Certificate server = certificate("CN=localhost,O=Consilium Test,C=NL", serverKeys,
                "CN=Consilium Test CA,C=NL", caKeys.getPrivate(), false, KeyPurposeId.id_kp_serverAuth);
        KeyPair clientKeys = rsa();
        X509Certificate client = certificate(TRUSTED_CLIENT_DN, clientKeys, "CN=Consilium Test CA,C=NL",
                caKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth);
        KeyPair rogueKeys = rsa();
        X509Certificate rogueClient = certificate(UNTRUSTED_CLIENT_DN, rogueKeys, "CN=Rogue CA,C=NL",
                rogueCaKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth);
        KeyPair otherKeys = rsa();
        X509Certificate otherClient = certificate("CN=another-client,O=Consilium Test,C=NL", otherKeys,
                "CN=Consilium Test CA,C=NL", caKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth);

        KeyPair pkioKeys = rsa();
        X509Certificate pkioClient = certificate(pkioName(PKIO_ORGANIZATION_IDENTIFIER, true), pkioKeys,
                name("CN=Consilium Test CA,C=NL"), caKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth);
        KeyPair pkioOtherKeys = rsa();
        X509Certificate pkioOtherClient = certificate(pkioName(PKIO_OTHER_ORGANIZATION_IDENTIFIER, true),
                pkioOtherKeys, name("CN=Consilium Test CA,C=NL"), caKeys.getPrivate(), false,
                KeyPurposeId.id_kp_clientAuth);

        writeKeyStore(dir.resolve("server.p12"), "server", serverKeys.getPrivate(), server, ca);
        writeTrustStore(dir.resolve("ca-truststore.p12"), ca);
        writeKeyStore(dir.resolve("client-trusted.p12"), "client", clientKeys.getPrivate(), client, ca);
        writeKeyStore(dir.resolve("client-untrusted.p12"), "client", rogueKeys.getPrivate(), rogueClient, rogueCa);
        writeKeyStore(dir.resolve("client-other.p12"), "client", otherKeys.getPrivate(), otherClient, ca);
        Files.writeString(dir.resolve("ca.crt"), pem("CERTIFICATE", ca.getEncoded()));
        Files.writeString(dir.resolve("client-trusted.crt"), pem("CERTIFICATE", client.getEncoded()));
        Files.writeString(dir.resolve("client-other.crt"), pem("CERTIFICATE", otherClient.getEncoded()));
        writeKeyStore(dir.resolve("client-pkio.p12"), "client", pkioKeys.getPrivate(), pkioClient, ca);
        writeKeyStore(dir.resolve("client-pkio-other.p12"), "client", pkioOtherKeys.getPrivate(), pkioOtherClient, ca);
        Files.writeString(dir.resolve("client-pkio.crt"), pem("CERTIFICATE", pkioClient.getEncoded()));
        Files.writeString(dir.resolve("client-pkio-other.crt"), pem("CERTIFICATE", pkioOtherClient.getEncoded()));
    }

    /**
     * {@code C=NL, O=ZorgDomein B.V., organizationIdentifier=<id>, CN=zorgdomein.nl} (X.509 order), built
     * with BouncyCastle since the JDK cannot write {@code organizationIdentifier}; the identifier as a
     * UTF8String, or a PrintableString.
     */
    static X500Name pkioName(String organizationIdentifier, boolean utf8) {
        ASN1Encodable identifier = utf8 ? new DERUTF8String(organizationIdentifier)
                : new DERPrintableString(organizationIdentifier);
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, new DERPrintableString("NL"))
                .addRDN(BCStyle.O, new DERUTF8String("ZorgDomein B.V."))
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, identifier)
                .addRDN(BCStyle.CN, new DERUTF8String("zorgdomein.nl"))
                .build();
    }

    /** A self-signed certificate with this subject, for comparing names. */
    static X509Certificate selfSigned(X500Name subject) {
        try {
            KeyPair keys = rsa();
            return certificate(subject, keys, subject, keys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
            boolean ca, KeyPurposeId purpose) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        return certificate(name(subject), subjectKeys, name(issuer), issuerKey, ca, purpose);
    }

    static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
            boolean ca, KeyPurposeId purpose) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        }
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (purpose == KeyPurposeId.id_kp_serverAuth) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    /** The DN as the JDK reads RFC 2253 (BouncyCastle's own parser keeps the opposite RDN order). */
    static X500Name name(String rfc2253) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(rfc2253).getEncoded());
    }

    private static void writeKeyStore(Path file, String alias, PrivateKey key, X509Certificate certificate,
            X509Certificate issuer) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {certificate, issuer});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static void writeTrustStore(Path file, X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
