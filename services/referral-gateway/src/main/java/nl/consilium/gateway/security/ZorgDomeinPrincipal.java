package nl.consilium.gateway.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The caller of a {@code /fhir/*} request authenticated by ZorgDomein's token. Its name is the token's
 * {@code sub}, or its {@code iss} when there is none; the claims are the token's.
 */
public final class ZorgDomeinPrincipal implements JsonWebToken {

    private final VerifiedToken token;

    public ZorgDomeinPrincipal(VerifiedToken token) {
        this.token = token;
    }

    public VerifiedToken token() {
        return token;
    }

    @Override
    public String getName() {
        return token.principalName();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(token.claims().getClaimNames());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        JwtClaims claims = token.claims();
        try {
            return (T) switch (name) {
                case "raw_token" -> token.rawToken();
                case "iat", "exp", "nbf", "auth_time" -> claims.hasClaim(name)
                        ? claims.getNumericDateClaimValue(name).getValue() : null;
                case "aud" -> claims.hasAudience() ? Set.copyOf(claims.getAudience()) : null;
                case "groups" -> Set.of(ZorgDomeinIdentityProvider.ROLE);
                default -> {
                    Object value = claims.getClaimValue(name);
                    yield value instanceof List<?> list ? List.copyOf(list) : value;
                }
            };
        } catch (MalformedClaimException e) {
            return null;
        }
    }
}
