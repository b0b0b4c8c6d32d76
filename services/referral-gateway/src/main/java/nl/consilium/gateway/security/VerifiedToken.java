package nl.consilium.gateway.security;

import java.time.Instant;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;

/**
 * A ZorgDomein token whose signature, issuer and times were checked. {@code acceptableUntil} is the
 * last moment it would still be accepted: its {@code jti} must stay unique until then.
 */
public record VerifiedToken(String issuer, Optional<String> subject, String jti, Instant issuedAt,
        Instant acceptableUntil, String keyName, String rawToken, JwtClaims claims) {

    /** The caller's name: the subject, or the issuer for a token without {@code sub}. */
    public String principalName() {
        return subject.orElse(issuer);
    }
}
