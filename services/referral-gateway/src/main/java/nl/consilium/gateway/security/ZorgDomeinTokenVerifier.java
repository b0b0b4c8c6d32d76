package nl.consilium.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.consilium.gateway.security.TokenRejected.Reason;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Verifies the bearer token ZorgDomein sends with every call: a JWS signed RS256 (nothing else) by one
 * of the trusted keys, from a trusted issuer, with {@code iat} within the clock skew of now and not
 * older than the maximum age, {@code exp} and {@code nbf} when present, and a {@code jti} not used
 * before within the token's validity window.
 */
public class ZorgDomeinTokenVerifier {

    /** Longest {@code jti} stored for replay detection. */
    public static final int MAX_JTI_LENGTH = 255;

    private final Set<String> issuers;
    private final Optional<Set<String>> audiences;
    private final TrustedKeys keys;
    private final Duration skew;
    private final Duration maxAge;
    private final JtiReplayGuard replayGuard;
    private final Clock clock;

    public ZorgDomeinTokenVerifier(Set<String> issuers, Optional<Set<String>> audiences, TrustedKeys keys,
            Duration skew, Duration maxAge, JtiReplayGuard replayGuard, Clock clock) {
        this.issuers = Set.copyOf(issuers);
        this.audiences = audiences.map(Set::copyOf);
        this.keys = keys;
        this.skew = skew;
        this.maxAge = maxAge;
        this.replayGuard = replayGuard;
        this.clock = clock;
    }

    /**
     * Checks the token completely and records its {@code jti}.
     *
     * @throws TokenRejected saying what is wrong
     */
    public VerifiedToken verify(String token) {
        Instant now = clock.instant();
        VerifiedToken verified = check(token, now);
        if (replayGuard == null) {
            throw new IllegalStateException("no replay guard configured");
        }
        if (!replayGuard.firstUse(verified.jti(), verified.issuer(), now, verified.acceptableUntil())) {
            throw new TokenRejected(Reason.REPLAYED, "This token (jti) was used before; ZorgDomein must send a "
                    + "new token with a new jti with every call").withKeys(verifiedBy(verified.keyName()));
        }
        return verified;
    }

    /**
     * Everything but the replay check: form, algorithm, signature, issuer, audience and times.
     *
     * @throws TokenRejected saying what is wrong
     */
    public VerifiedToken check(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new TokenRejected(Reason.MISSING_TOKEN, "Send ZorgDomein's RS256-signed JWT as "
                    + "'Authorization: Bearer <token>'");
        }
        JsonWebSignature jws = parse(token.strip());
        String keyName = verifySignature(jws, token.strip());
        try {
            JwtClaims claims;
            try {
                claims = JwtClaims.parse(jws.getUnverifiedPayload());
            } catch (InvalidJwtException e) {
                throw new TokenRejected(Reason.MALFORMED, "The bearer token's payload is not a JSON object of JWT "
                        + "claims");
            }
            try {
                return checkClaims(claims, now, keyName, token.strip());
            } catch (MalformedClaimException e) {
                throw new TokenRejected(Reason.MALFORMED, "The bearer token has a claim of the wrong type: "
                        + e.getMessage());
            }
        } catch (TokenRejected rejected) {
            throw rejected.withKeys(verifiedBy(keyName));
        }
    }

    private static String verifiedBy(String keyName) {
        return "signature verified by key " + keyName;
    }

    private static JsonWebSignature parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            throw new TokenRejected(Reason.MALFORMED, "The bearer token is encrypted (JWE); send a JWS signed RS256");
        }
        if (parts.length == 2 || (parts.length == 3 && parts[2].isEmpty())) {
            throw new TokenRejected(Reason.UNSIGNED, "The bearer token is unsigned; it must be signed RS256 with "
                    + "a key registered here");
        }
        if (parts.length != 3) {
            throw new TokenRejected(Reason.MALFORMED, "The bearer token is not a JWT (header.payload.signature)");
        }
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(token);
            jws.getHeaders(); // parsed by setCompactSerialization; fails above when not JSON
        } catch (JoseException | RuntimeException e) {
            throw new TokenRejected(Reason.MALFORMED, "The bearer token is not a JWT (header.payload.signature "
                    + "with a JSON header)");
        }
        String alg = jws.getAlgorithmHeaderValue();
        if (alg == null || alg.isBlank()) {
            throw new TokenRejected(Reason.MALFORMED, "The bearer token's header has no alg; it must be RS256");
        }
        if (AlgorithmIdentifiers.NONE.equals(alg)) {
            throw new TokenRejected(Reason.UNSIGNED, "The bearer token is unsigned (alg none); it must be signed "
                    + "RS256 with a key registered here");
        }
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)) {
            throw new TokenRejected(Reason.UNSUPPORTED_ALGORITHM, "The bearer token is signed " + printable(alg)
                    + "; only RS256 is accepted");
        }
        return jws;
    }

    /** The name of the key that verifies the signature. */
    private String verifySignature(JsonWebSignature jws, String token) {
        String kid = jws.getKeyIdHeaderValue();
        List<TrustedKeys.Key> candidates = new ArrayList<>();
        if (kid != null) {
            candidates.addAll(keys.byId(kid));
        }
        String x5t256 = jws.getX509CertSha256ThumbprintHeaderValue();
        if (candidates.isEmpty() && x5t256 != null) {
            candidates.addAll(keys.byId(x5t256));
        }
        if (candidates.isEmpty()) {
            candidates.addAll(keys.all());
        }
        Instant now = clock.instant();
        List<String> tried = new ArrayList<>();
        List<String> outsideValidity = new ArrayList<>();
        for (TrustedKeys.Key key : candidates) {
            if (!key.usableAt(now)) {
                outsideValidity.add(key.name());
                continue;
            }
            tried.add(key.name());
            try {
                JsonWebSignature check = new JsonWebSignature();
                check.setAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256));
                check.setCompactSerialization(token);
                check.setKey(key.publicKey());
                if (check.verifySignature()) {
                    return key.name();
                }
            } catch (JoseException e) {
                // not this key (or a key too short for jose4j): try the next
            }
        }
        throw new TokenRejected(Reason.BAD_SIGNATURE, "The bearer token's signature does not verify against any "
                + "trusted ZorgDomein key" + (kid == null ? "" : " (kid " + printable(kid) + ")")
                + "; register ZorgDomein's current signing key or certificate")
                .withKeys((kid == null ? "no kid" : "kid " + printable(kid)) + "; keys tried " + tried
                        + (outsideValidity.isEmpty() ? "" : "; outside their certificate's validity " + outsideValidity));
    }

    private VerifiedToken checkClaims(JwtClaims claims, Instant now, String keyName, String token)
            throws MalformedClaimException {
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "The token has no iss (issuer) claim");
        }
        if (!issuers.contains(issuer)) {
            throw new TokenRejected(Reason.UNTRUSTED_ISSUER, "The token's issuer (iss) " + printable(issuer)
                    + " is not a trusted ZorgDomein issuer");
        }
        if (audiences.isPresent()) {
            List<String> aud = claims.hasAudience() ? claims.getAudience() : List.of();
            if (aud.stream().noneMatch(audiences.get()::contains)) {
                throw new TokenRejected(Reason.WRONG_AUDIENCE, "The token's audience (aud) does not name this "
                        + "receiver; expected one of " + String.join(", ", audiences.get().stream().sorted().toList()));
            }
        }
        NumericDate iat = claims.getIssuedAt();
        if (iat == null) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "The token has no iat (issued at) claim");
        }
        Instant issuedAt = Instant.ofEpochSecond(iat.getValue());
        if (issuedAt.isAfter(now.plus(skew))) {
            throw new TokenRejected(Reason.ISSUED_IN_FUTURE, "The token's iat lies more than " + skew.toSeconds()
                    + " s in the future; check the sender's clock");
        }
        Instant oldest = now.minus(maxAge);
        if (issuedAt.isBefore(oldest)) {
            throw new TokenRejected(Reason.TOO_OLD, "The token was issued (iat) more than " + maxAge.toSeconds()
                    + " s ago; send a freshly issued token with every call");
        }
        Instant acceptableUntil = issuedAt.plus(maxAge);
        NumericDate exp = claims.getExpirationTime();
        if (exp != null) {
            Instant expiresAt = Instant.ofEpochSecond(exp.getValue());
            if (!now.isBefore(expiresAt.plus(skew))) {
                throw new TokenRejected(Reason.EXPIRED, "The token expired (exp " + expiresAt + ")");
            }
            if (expiresAt.plus(skew).isBefore(acceptableUntil)) {
                acceptableUntil = expiresAt.plus(skew);
            }
        }
        NumericDate nbf = claims.getNotBefore();
        if (nbf != null) {
            Instant notBefore = Instant.ofEpochSecond(nbf.getValue());
            if (now.plus(skew).isBefore(notBefore)) {
                throw new TokenRejected(Reason.NOT_YET_VALID, "The token is not valid yet (nbf " + notBefore + ")");
            }
        }
        String jti = claims.getJwtId();
        if (jti == null || jti.isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM, "The token has no jti (token id) claim");
        }
        if (jti.length() > MAX_JTI_LENGTH) {
            throw new TokenRejected(Reason.MALFORMED, "The token's jti is longer than " + MAX_JTI_LENGTH
                    + " characters");
        }
        String subject = claims.getSubject();
        return new VerifiedToken(issuer, Optional.ofNullable(subject).filter(s -> !s.isBlank()), jti, issuedAt,
                acceptableUntil, keyName, token, claims);
    }

    /** A header or claim value fit to quote in diagnostics. */
    private static String printable(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7E]", "?");
        return "'" + (cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned) + "'";
    }
}
