package nl.consilium.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** ZorgDomein-shaped bearer tokens, signed in the test with {@link SecurityTestMaterial}'s keys. */
final class TestTokens {

    static final String ISSUER = "https://zorgdomein.test/oauth";
    static final String SECOND_ISSUER = "https://acceptatie.zorgdomein.test/oauth";
    static final String SUBJECT = "zorgdomein-push";

    private TestTokens() {
    }

    /** Fresh claims: iss, sub, iat now, exp in 5 minutes, a new jti. */
    static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(SUBJECT);
        claims.setIssuedAt(at(Instant.now()));
        claims.setExpirationTime(at(Instant.now().plus(Duration.ofMinutes(5))));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    static NumericDate at(Instant instant) {
        return NumericDate.fromSeconds(instant.getEpochSecond());
    }

    /** RS256 with the named key, with {@code kid} when not null. */
    static String rs256(JwtClaims claims, String keyName, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(SecurityTestMaterial.privateKey(keyName));
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        return serialize(jws);
    }

    /** A valid token signed with the current key. */
    static String valid() {
        return rs256(claims(), "zd-current", "zd-current");
    }

    static String signed(String algorithm, java.security.Key key, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setDoKeyValidation(false);
        jws.setKey(key);
        return serialize(jws);
    }

    /** HS256 with a secret (here: the bytes of the trusted public key, the classic confusion attack). */
    static String hs256(JwtClaims claims) {
        return signed(AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey(SecurityTestMaterial.publicKey("zd-current").getEncoded()), claims);
    }

    /** {@code alg: none}, empty signature. */
    static String unsigned(JwtClaims claims) {
        return signed(AlgorithmIdentifiers.NONE, null, claims);
    }

    /** A token with {@code alg} in its header, the payload of {@code claims} and a junk signature. */
    static String withHeader(String headerJson, JwtClaims claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("junk".getBytes(StandardCharsets.UTF_8));
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
