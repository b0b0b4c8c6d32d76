package nl.consilium.testing;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

/**
 * The PostgreSQL server and Kafka broker of this JVM: started by the first caller, then shared by
 * every test class and every Quarkus application under test, and closed by a JVM shutdown hook
 * (never by a test), so that a whole {@code mvn test} of a service pays their start-up once.
 *
 * <p>Quarkus loads this library once per application under test (a test profile gets a class
 * loader of its own, closed when that application stops), so a static field alone would start
 * the servers again for every profile and leave them owned by a dead class loader. The servers
 * therefore live in the copy of this class that the system class loader holds, and callers reach
 * it through {@link #connect(String)} and {@link #lastConnected()}, which cross class loaders with
 * JDK types only. (No system properties: a {@code @ConfigMapping(prefix = "consilium")} would see
 * them as unknown configuration and fail the application.)
 */
final class SharedServers {

    static final String JDBC_URL = "jdbc-url";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String BOOTSTRAP_SERVERS = "bootstrap-servers";

    private static final System.Logger LOG = System.getLogger(SharedServers.class.getName());

    /** Broker-side Kafka loggers: their INFO chatter (hundreds of lines per start) is of no use in a test log. */
    private static final List<String> QUIET_LOGGERS = List.of("kafka", "state.change.logger",
            "org.apache.kafka.controller", "org.apache.kafka.coordinator", "org.apache.kafka.image",
            "org.apache.kafka.metadata", "org.apache.kafka.network", "org.apache.kafka.queue",
            "org.apache.kafka.raft", "org.apache.kafka.security", "org.apache.kafka.server",
            "org.apache.kafka.snapshot", "org.apache.kafka.storage", "org.apache.kafka.common.test",
            // the broker's 300-line "KafkaConfig values" dump (clients' dumps go here too; their warnings stay)
            "org.apache.kafka.common.config.AbstractConfig");
    /** Strong references, so that the levels set on them are not garbage-collected away. */
    private static final List<Logger> QUIETED_LOGGERS = QUIET_LOGGERS.stream().map(Logger::getLogger).toList();

    private static SharedServers running;
    private static Map<String, String> lastConnected = Map.of();

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;

    private SharedServers(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts the servers unless they run, creates (once) the database and role {@code database},
     * and returns {@link #JDBC_URL}, {@link #USERNAME}, {@link #PASSWORD} and {@link #BOOTSTRAP_SERVERS}.
     * Runs in the system class loader's copy of this class where that exists (see class comment).
     */
    static Map<String, String> connect(String database) {
        return callOwner("connectHere", database);
    }

    /** What the last {@link #connect} returned, from any class loader; empty before the first. */
    static Map<String, String> lastConnected() {
        return callOwner("lastConnectedHere", null);
    }

    private static Map<String, String> callOwner(String method, String argument) {
        Class<?> owner = ownerClass();
        Thread thread = Thread.currentThread();
        ClassLoader callersContext = thread.getContextClassLoader();
        // Kafka and zonky load classes through the context class loader, and the servers' threads
        // inherit it: it must be the owner's, not that of an application that will be closed.
        thread.setContextClassLoader(owner.getClassLoader());
        try {
            Method target = owner.getDeclaredMethod(method, String.class);
            target.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> facts = (Map<String, String>) target.invoke(null, argument);
            return facts;
        } catch (InvocationTargetException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("Cannot start the test infrastructure", e.getCause());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach " + owner.getName() + " in " + owner.getClassLoader(), e);
        } finally {
            thread.setContextClassLoader(callersContext);
        }
    }

    /** The directory that holds the servers' files: below java.io.tmpdir (target/tmp under surefire). */
    static Path workDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "consilium-testing").toAbsolutePath();
    }

    /** This class as the system class loader holds it; this very class when that loader cannot see it. */
    private static Class<?> ownerClass() {
        try {
            return Class.forName(SharedServers.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return SharedServers.class;
        }
    }

    private static synchronized Map<String, String> connectHere(String database) throws Exception {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "consilium-testing-shutdown"));
        }
        EmbeddedPostgresServer.Database db = running.postgres.database(database);
        lastConnected = Map.of(JDBC_URL, db.jdbcUrl(), USERNAME, db.username(), PASSWORD, db.password(),
                BOOTSTRAP_SERVERS, running.kafka.bootstrapServers());
        return lastConnected;
    }

    private static synchronized Map<String, String> lastConnectedHere(String ignored) {
        return lastConnected;
    }

    private static SharedServers start() {
        Path root = workDirectory();
        QUIETED_LOGGERS.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        // PostgreSQL starts in a thread of its own while Kafka starts in this one
        CompletableFuture<EmbeddedPostgresServer> postgres = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            long began = System.nanoTime();
            try {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(root.resolve("postgres"));
                long millis = millisSince(began);
                LOG.log(Level.INFO, () -> "Embedded PostgreSQL started on port %d in %d ms (server log: %s)"
                        .formatted(server.port(), millis, server.logFile()));
                postgres.complete(server);
            } catch (Throwable e) {
                postgres.completeExceptionally(e);
            }
        }, "consilium-testing-postgres-start");
        starter.setDaemon(true);
        starter.start();

        EmbeddedKafkaBroker kafka = null;
        try {
            long began = System.nanoTime();
            kafka = EmbeddedKafkaBroker.start(root.resolve("kafka-" + UUID.randomUUID()));
            long millis = millisSince(began);
            String bootstrapServers = kafka.bootstrapServers();
            LOG.log(Level.INFO, () -> "Embedded Kafka broker started at %s in %d ms".formatted(bootstrapServers, millis));
            return new SharedServers(postgres.get(), kafka);
        } catch (Exception e) {
            closeQuietly(kafka);
            postgres.thenAccept(SharedServers::closeQuietly);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("Cannot start the test infrastructure: " + cause, cause);
        }
    }

    /** Kafka first, so that no client still polls it while PostgreSQL goes. */
    private void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not stop " + server.getClass().getSimpleName(), e);
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
