package nl.consilium.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller as the Keycloak token describes them: subject, realm roles, and the claims that scope
 * their data ({@code agb} for GPs and specialists, {@code specialty} for specialists).
 */
@RequestScoped
public class CurrentUser {

    public static final String AGB_CLAIM = "agb";
    public static final String SPECIALTY_CLAIM = "specialty";

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** The token subject (stable user id); the principal name when the token has none. */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String text = value.toString();
                if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1);
                }
                return text.isBlank() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The caller's AGB code; a GP or specialist without one can see nothing. */
    public Optional<String> agb() {
        return claim(AGB_CLAIM);
    }

    public Optional<String> specialty() {
        return claim(SPECIALTY_CLAIM);
    }

    /**
     * On whose behalf the caller acts, when not for themselves: the RFC 8693 actor ({@code act.sub})
     * of a token issued through token exchange, or an {@code on_behalf_of} claim.
     */
    public Optional<String> onBehalfOf() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object act = jwt.getClaim("act");
            if (act instanceof jakarta.json.JsonObject actor && actor.containsKey("sub")) {
                return Optional.of(actor.getString("sub"));
            }
        }
        return claim("on_behalf_of");
    }

    public List<String> roleList() {
        return List.copyOf(roles());
    }
}
