package nl.consilium.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo users of the Keycloak realm {@code consilium}, and the one place that maps an AGB code
 * (as scheduling reports a booked specialist, or as a referral names its GP) to the user to log in as.
 *
 * <p>{@link #load(Path)} reads them from {@code deploy/keycloak/realm-consilium.json}; {@link #builtIn()}
 * is the same table written down (deploy/keycloak/README.md, "Users"), for when the repository is not
 * at hand. A unit test keeps the two equal.
 */
public final class DemoUsers {

    /** The password of every demo user. */
    public static final String PASSWORD = "consilium";

    public static final String GP_JANSEN = "gp.jansen";
    public static final String GP_JANSEN_AGB = "01123456";
    public static final String NURSE_BAKKER = "nurse.bakker";
    public static final String COORDINATOR_PETERS = "coordinator.peters";

    /** Where the realm lives, relative to the repository root. */
    public static final String REALM_FILE = "deploy/keycloak/realm-consilium.json";
    /** Overrides where the realm file is looked for. */
    public static final String REALM_FILE_ENV = "CONSILIUM_REALM_FILE";

    /** One demo user: username, display name, realm roles, AGB code and specialty (either may be null). */
    public record DemoUser(String username, String name, List<String> roles, String agb, String specialty) {

        public DemoUser {
            roles = List.copyOf(roles);
        }

        public boolean hasRole(String role) {
            return roles.contains(role);
        }
    }

    private final Map<String, DemoUser> byUsername;
    private final String source;

    private DemoUsers(Collection<DemoUser> users, String source) {
        Map<String, DemoUser> map = new LinkedHashMap<>();
        for (DemoUser user : users) {
            map.put(user.username(), user);
        }
        this.byUsername = Map.copyOf(map);
        this.source = source;
    }

    /** The demo users as deploy/keycloak/README.md lists them. */
    public static DemoUsers builtIn() {
        return new DemoUsers(List.of(
                new DemoUser("gp.jansen", "Anna Jansen", List.of("gp"), GP_JANSEN_AGB, null),
                new DemoUser("gp.devries", "Pieter de Vries", List.of("gp"), "01234567", null),
                new DemoUser("nurse.bakker", "Sanne Bakker", List.of("nurse"), null, null),
                new DemoUser("nurse.visser", "Lotte Visser", List.of("nurse"), null, null),
                new DemoUser("specialist.smit", "Jeroen Smit", List.of("specialist"), "03111111", "cardiology"),
                new DemoUser("specialist.mulder", "Eva Mulder", List.of("specialist"), "03222222", "cardiology"),
                new DemoUser("specialist.dekker", "Thomas Dekker", List.of("specialist"), "03333333", "orthopaedics"),
                new DemoUser("coordinator.peters", "Marloes Peters", List.of("coordinator"), null, null)),
                "built-in table");
    }

    /**
     * Reads the users of a realm export. Service accounts are skipped, and so is the role
     * {@code default-roles-consilium}.
     */
    public static DemoUsers load(Path realmFile) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + realmFile, e);
        }
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            for (JsonNode role : user.path("realmRoles")) {
                if (!role.asText().startsWith("default-roles-")) {
                    roles.add(role.asText());
                }
            }
            String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).trim();
            users.add(new DemoUser(user.path("username").asText(), name, roles,
                    firstAttribute(user, "agb"), firstAttribute(user, "specialty")));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no users in the realm file " + realmFile);
        }
        return new DemoUsers(users, realmFile.toString());
    }

    /**
     * The realm file when it can be found, else the built-in table: {@code realmFile} if given and
     * present, then {@link #locateRealmFile()}.
     */
    public static DemoUsers loadOrBuiltIn(Path realmFile) {
        Optional<Path> file = realmFile != null && Files.isRegularFile(realmFile)
                ? Optional.of(realmFile)
                : locateRealmFile();
        return file.map(DemoUsers::load).orElseGet(DemoUsers::builtIn);
    }

    /**
     * Looks for the realm file: env {@value #REALM_FILE_ENV}; the repository this class was loaded from
     * (deploy/local/target/classes, three levels up); the working directory and its parents.
     */
    public static Optional<Path> locateRealmFile() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv(REALM_FILE_ENV);
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        try {
            var codeSource = DemoUsers.class.getProtectionDomain().getCodeSource();
            if (codeSource != null) {
                // <repo>/deploy/local/target/classes (or test-classes): four levels up is <repo>
                Path repo = Path.of(codeSource.getLocation().toURI()).toAbsolutePath();
                for (int i = 0; i < 4 && repo != null; i++) {
                    repo = repo.getParent();
                }
                if (repo != null) {
                    candidates.add(repo.resolve(REALM_FILE));
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // not loaded from a directory; fall through to the working directory
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(REALM_FILE));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static String firstAttribute(JsonNode user, String attribute) {
        JsonNode values = user.path("attributes").path(attribute);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    // --- look-ups -------------------------------------------------------------------------------

    public Collection<DemoUser> all() {
        return byUsername.values();
    }

    public Optional<DemoUser> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public DemoUser require(String username) {
        return byUsername(username).orElseThrow(() -> new IllegalArgumentException(
                "no demo user " + username + " in the realm (" + source + ")"));
    }

    /** The user with this AGB code and role, if any. */
    public Optional<DemoUser> byAgb(String agb, String role) {
        return byUsername.values().stream()
                .filter(u -> agb != null && agb.equals(u.agb()) && u.hasRole(role))
                .findFirst();
    }

    /** The specialist to log in as for a booking with this AGB code. */
    public DemoUser specialistByAgb(String agb) {
        return byAgb(agb, "specialist").orElseThrow(() -> new IllegalArgumentException(
                "the booked specialist (AGB " + agb + ") is no demo user of the realm (" + source
                        + "); the scheduling registry and deploy/keycloak/realm-consilium.json disagree"));
    }

    /** The GP to log in as for a referral from this AGB code. */
    public DemoUser gpByAgb(String agb) {
        return byAgb(agb, "gp").orElseThrow(() -> new IllegalArgumentException(
                "the referrer (AGB " + agb + ") is no demo GP of the realm (" + source + ")"));
    }

    /** Where these users came from: the realm file's path or "built-in table". */
    public String source() {
        return source;
    }

    /** Equal user lists, whatever the source. */
    public boolean sameUsersAs(DemoUsers other) {
        return byUsername.equals(other.byUsername);
    }
}
