package nl.consilium.gateway.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The caller of a {@code /fhir/*} request authenticated by ZorgDomein's token. Its name is the token's
 * {@code sub}, or its {@code iss} when there is none; the claims are the token's, in the shapes
 * smallrye-jwt's (and so quarkus-oidc's) {@link JsonWebToken} gives them: a JSON object claim as a
 * {@link JsonObject}, an array as a {@link JsonArray} ({@code aud} and {@code groups} as sets of
 * strings), so that the platform's {@code CurrentUser} reads {@code act.sub} (on whose behalf) as it
 * does from Keycloak's tokens.
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
                default -> json(claims.getClaimValue(name));
            };
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    /** jose4j's maps and lists as jakarta.json values; other values as they are. */
    @SuppressWarnings("unchecked")
    static Object json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return Json.createObjectBuilder((Map<String, Object>) map).build();
        }
        if (value instanceof Collection<?> list) {
            return Json.createArrayBuilder((Collection<Object>) list).build();
        }
        return value;
    }
}
