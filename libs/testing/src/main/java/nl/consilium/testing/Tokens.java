package nl.consilium.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for tests, shaped like Keycloak's access tokens for the {@code consilium} realm and
 * signed RS256 with the committed TEST-ONLY key, whose public half {@link ConsiliumTestInfrastructure}
 * hands to quarkus-oidc. The services therefore verify these tokens for real (signature, issuer,
 * expiry, roles); nothing is mocked.
 *
 * <p>Claims: {@code iss}, {@code sub}, {@code preferred_username}, {@code iat}, {@code exp} (one hour
 * on), {@code jti}, {@code typ=Bearer}, {@code realm_access.roles}, and where given {@code agb} and
 * {@code specialty}. For the ready-made users {@code sub} equals {@code preferred_username}, so a
 * test can predict the actor that a service records.
 *
 * <p>Usable from plain JUnit code too (smallrye-jwt-build reads optional defaults through
 * MicroProfile Config, which smallrye-config on the test class path provides).
 */
public final class Tokens {

    /** The issuer that the services expect ({@code quarkus.oidc.token.issuer} in tests). */
    public static final String ISSUER = "https://consilium.test/realms/consilium";
    /** The {@code kid} header of every token signed with the test key. */
    public static final String KEY_ID = "consilium-test-only-key";
    /** How long a token is valid. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    /** The realm roles of the Consilium realm. */
    public static final String GP = "gp";
    public static final String NURSE = "nurse";
    public static final String SPECIALIST = "specialist";
    public static final String COORDINATOR = "coordinator";
    public static final String REFERRAL_SOURCE = "referral-source";

    private Tokens() {
    }

    /** A GP (huisarts) with the AGB code {@code agb}; username and subject {@code gp-<agb>}. */
    public static String gp(String agb) {
        return withRoles("gp-" + agb, Map.of("agb", agb), GP);
    }

    /** The intake nurse {@code nurse}. */
    public static String nurse() {
        return nurse("nurse");
    }

    /** An intake nurse with the given username (also the subject). */
    public static String nurse(String username) {
        return withRoles(username, Map.of(), NURSE);
    }

    /** A specialist with an AGB code and a specialty; username and subject {@code specialist-<agb>}. */
    public static String specialist(String agb, String specialty) {
        return withRoles("specialist-" + agb, Map.of("agb", agb, "specialty", specialty), SPECIALIST);
    }

    /** The coordinator {@code coordinator}. */
    public static String coordinator() {
        return withRoles("coordinator", Map.of(), COORDINATOR);
    }

    /** The ZorgDomein integration's service account. */
    public static String referralSource() {
        return withRoles("service-account-zorgdomein", Map.of(), REFERRAL_SOURCE);
    }

    /**
     * A valid token for {@code subject} (also its {@code preferred_username}) with the given realm
     * roles. {@code extraClaims} are added last, so they may also replace a standard claim (e.g. a
     * wrong {@code iss} for a negative test).
     */
    public static String withRoles(String subject, Map<String, ?> extraClaims, String... roles) {
        Instant now = Instant.now();
        return sign(claims(subject, extraClaims, now, now.plus(LIFETIME), roles), TestKeys.PRIVATE_KEY);
    }

    /** Like {@link #withRoles} but expired a minute ago (issued an hour before that). */
    public static String expired(String subject, String... roles) {
        Instant exp = Instant.now().minus(Duration.ofMinutes(1));
        return sign(claims(subject, Map.of(), exp.minus(LIFETIME), exp, roles), TestKeys.PRIVATE_KEY);
    }

    /** Like {@link #withRoles} but signed with a freshly generated key that no service trusts. */
    public static String signedByAnotherKey(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(claims(subject, Map.of(), now, now.plus(LIFETIME), roles),
                TestKeys.freshKeyPair().getPrivate());
    }

    /** The public half of the test key, to verify tokens in a test. */
    public static RSAPublicKey publicKey() {
        return TestKeys.PUBLIC_KEY;
    }

    /** The public key as base64 DER (X.509 SubjectPublicKeyInfo), the form of {@code quarkus.oidc.public-key}. */
    public static String publicKeyBase64() {
        return TestKeys.publicKeyBase64();
    }

    private static Map<String, Object> claims(String subject, Map<String, ?> extraClaims, Instant issuedAt,
            Instant expiresAt, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("preferred_username", subject);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("typ", "Bearer");
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        claims.putAll(extraClaims);
        return claims;
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) {
        JwtClaimsBuilder builder = Jwt.claims();
        claims.forEach(builder::claim);
        return builder.jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
