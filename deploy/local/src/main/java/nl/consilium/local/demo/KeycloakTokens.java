package nl.consilium.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens from the local Keycloak (realm {@code consilium}, deploy/keycloak/README.md):
 * <ul>
 *   <li>user tokens by the password grant through the confidential client {@code consilium-tests}
 *       (every demo user's password is {@code consilium});</li>
 *   <li>the ZorgDomein simulator's token by the client-credentials grant of the client
 *       {@code zorgdomein-simulator} (realm role {@code referral-source}).</li>
 * </ul>
 * Tokens are cached per user / client until {@link #REFRESH_MARGIN} before they expire (at most half
 * their life). Thread-safe; a race at expiry may fetch one token twice, which is harmless. Tokens are
 * never printed.
 */
public final class KeycloakTokens {

    public static final String KEYCLOAK_URL_ENV = "CONSILIUM_KEYCLOAK_URL";
    public static final String REALM_ENV = "CONSILIUM_KEYCLOAK_REALM";
    public static final String DEFAULT_KEYCLOAK_URL = "http://localhost:18180";
    public static final String DEFAULT_REALM = "consilium";

    public static final String TESTS_CLIENT_ID = "consilium-tests";
    public static final String TESTS_CLIENT_SECRET = "consilium-tests-secret";
    public static final String SIMULATOR_CLIENT_ID = "zorgdomein-simulator";
    public static final String SIMULATOR_CLIENT_SECRET = "zorgdomein-simulator-secret";

    /** A cached token is renewed this long before it expires. */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private record Cached(String token, Instant renewAt) {
    }

    private final URI keycloakUrl;
    private final String realm;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Keycloak at {@code keycloakUrl} (e.g. http://localhost:18180), realm {@code realm}. */
    public KeycloakTokens(URI keycloakUrl, String realm, HttpClient http) {
        this(keycloakUrl, realm, http, Clock.systemUTC());
    }

    KeycloakTokens(URI keycloakUrl, String realm, HttpClient http, Clock clock) {
        this.keycloakUrl = stripSlash(keycloakUrl);
        this.realm = realm;
        this.http = http;
        this.clock = clock;
    }

    public KeycloakTokens(URI keycloakUrl, String realm) {
        this(keycloakUrl, realm, defaultHttpClient());
    }

    /** Realm {@value #DEFAULT_REALM}. */
    public KeycloakTokens(URI keycloakUrl) {
        this(keycloakUrl, DEFAULT_REALM);
    }

    /** {@value #KEYCLOAK_URL_ENV} (default {@value #DEFAULT_KEYCLOAK_URL}), realm {@value #REALM_ENV} (default consilium). */
    public static KeycloakTokens fromEnvironment() {
        return new KeycloakTokens(URI.create(env(KEYCLOAK_URL_ENV, DEFAULT_KEYCLOAK_URL)), env(REALM_ENV, DEFAULT_REALM));
    }

    // --- tokens ---------------------------------------------------------------------------------

    /** A token for a demo user (password {@value DemoUsers#PASSWORD}). */
    public String userToken(String username) {
        return userToken(username, DemoUsers.PASSWORD);
    }

    /** A token for a user by the password grant through {@value #TESTS_CLIENT_ID}. */
    public String userToken(String username, String password) {
        // the password is part of the key: a wrong one must not get the right one's cached token
        return cached(userKey(username) + "\u0000" + password, () -> fetch("user " + username, form(
                "grant_type", "password",
                "client_id", TESTS_CLIENT_ID,
                "client_secret", TESTS_CLIENT_SECRET,
                "username", username,
                "password", password)));
    }

    /** The ZorgDomein simulator's token (client credentials, role {@code referral-source}). */
    public String simulatorToken() {
        return clientToken(SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET);
    }

    /** A token by the client-credentials grant. */
    public String clientToken(String clientId, String clientSecret) {
        return cached("client:" + clientId, () -> fetch("client " + clientId, form(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret)));
    }

    /** Forgets every cached token (e.g. after Keycloak was restarted with a fresh realm). */
    public void clear() {
        cache.clear();
    }

    /** Forgets the cached token of one user. */
    public void forgetUser(String username) {
        cache.keySet().removeIf(key -> key.startsWith(userKey(username) + "\u0000"));
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    public URI tokenEndpoint() {
        return URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token");
    }

    public URI keycloakUrl() {
        return keycloakUrl;
    }

    public String realm() {
        return realm;
    }

    // --- internals ------------------------------------------------------------------------------

    private interface Fetch {
        Cached get();
    }

    private String cached(String key, Fetch fetch) {
        Cached current = cache.get(key);
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.token();
        }
        Cached fresh = fetch.get();
        cache.put(key, fresh);
        return fresh.token();
    }

    private Cached fetch(String who, String form) {
        Instant requestedAt = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WalkthroughException(null, "cannot reach Keycloak at " + tokenEndpoint() + " for a token ("
                    + who + "): " + ReferralWalkthrough.describe(e, tokenEndpoint()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalkthroughException(null, "interrupted while fetching a token for " + who, e);
        }
        if (response.statusCode() != 200) {
            throw new WalkthroughException(null, "Keycloak refused a token for " + who + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WalkthroughException(null, "Keycloak answered a token request for " + who
                    + " with something that is not JSON", e);
        }
        String token = body.path("access_token").asText(null);
        if (token == null || token.isBlank()) {
            throw new WalkthroughException(null, "Keycloak's answer for " + who + " has no access_token");
        }
        long expiresIn = body.path("expires_in").asLong(60);
        return new Cached(token, renewAt(requestedAt, Duration.ofSeconds(expiresIn)));
    }

    /** When a token fetched at {@code fetchedAt}, living {@code lifetime}, should be renewed. */
    static Instant renewAt(Instant fetchedAt, Duration lifetime) {
        Duration margin = REFRESH_MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        return fetchedAt.plus(lifetime).minus(margin);
    }

    private static String form(String... keyValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            pairs.put(keyValues[i], keyValues[i + 1]);
        }
        return pairs.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static HttpClient defaultHttpClient() {
        // HTTP/1.1: no h2c upgrade attempts against Keycloak or the Quarkus services
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static URI stripSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
