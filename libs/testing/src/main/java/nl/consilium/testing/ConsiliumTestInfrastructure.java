package nl.consilium.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s, without Docker: an embedded PostgreSQL
 * server, an in-process Kafka broker (KRaft) and the OIDC settings that make quarkus-oidc verify the
 * tokens of {@link Tokens}.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false,
 *         initArgs = @ResourceArg(name = ConsiliumTestInfrastructure.SERVICE, value = "intake"))
 * }</pre>
 *
 * The servers start once per JVM, on the first {@link #start()}, and are shared by every later
 * start (every test class, every test profile); {@link #stop()} leaves them running and a JVM
 * shutdown hook stops them. Each service gets a database and a login role named after it
 * ({@value #SERVICE} init arg, default {@value #DEFAULT_SERVICE}; {@code -} becomes {@code _}).
 */
public class ConsiliumTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the service name, which names its database and role. */
    public static final String SERVICE = "service";
    public static final String DEFAULT_SERVICE = "app";

    private String service = DEFAULT_SERVICE;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault(SERVICE, DEFAULT_SERVICE);
    }

    /** Starts the servers unless running already, creates this service's database, returns the config. */
    @Override
    public Map<String, String> start() {
        Map<String, String> facts = SharedServers.connect(service.replace('-', '_').toLowerCase(Locale.ROOT));
        String bootstrapServers = facts.get(SharedServers.BOOTSTRAP_SERVERS);

        Map<String, String> config = new LinkedHashMap<>();
        // Also set in META-INF/microprofile-config.properties: Dev Services are decided at build time.
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.jdbc.url", facts.get(SharedServers.JDBC_URL));
        config.put("quarkus.datasource.username", facts.get(SharedServers.USERNAME));
        config.put("quarkus.datasource.password", facts.get(SharedServers.PASSWORD));
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.oidc.public-key", Tokens.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        config.put("quarkus.oidc.roles.role-claim-path", "realm_access/roles");
        return config;
    }

    /** Leaves the servers running for the next test class; the JVM's shutdown stops them. */
    @Override
    public void stop() {
    }

    /** JDBC URL of the database of the service started last, for tests that check rows directly. */
    public static String jdbcUrl() {
        return required(SharedServers.JDBC_URL);
    }

    public static String username() {
        return required(SharedServers.USERNAME);
    }

    public static String password() {
        return required(SharedServers.PASSWORD);
    }

    /** {@code host:port} of the Kafka broker. */
    public static String bootstrapServers() {
        return required(SharedServers.BOOTSTRAP_SERVERS);
    }

    /** Asked of the servers' owner: the test may run in another class loader than the one that started them. */
    private static String required(String fact) {
        String value = SharedServers.lastConnected().get(fact);
        if (value == null) {
            throw new IllegalStateException("The Consilium test infrastructure has not been started");
        }
        return value;
    }
}
