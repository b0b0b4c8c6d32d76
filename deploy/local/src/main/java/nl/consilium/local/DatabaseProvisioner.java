package nl.consilium.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates, if missing, one login role and one database per service on a PostgreSQL server (the local
 * one started by {@code deploy/local/consilium up}, or an external one). The role is named like the
 * database and owns it, so the service can run its own schema migrations.
 *
 * <p>Configuration (environment):
 * <ul>
 *   <li>{@code CONSILIUM_PG_HOST} (default {@code localhost}), {@code CONSILIUM_PG_PORT} (default 15432)</li>
 *   <li>{@code CONSILIUM_PG_ADMIN_USER} (default {@code postgres}), {@code CONSILIUM_PG_ADMIN_PASSWORD}
 *       (default {@code postgres})</li>
 *   <li>{@code CONSILIUM_PG_SERVICE_PASSWORD}: password given to every new service role; when unset each
 *       role's password is its own name (local use only)</li>
 *   <li>{@code CONSILIUM_PG_WAIT_SECONDS} (default 60): how long to retry while the server starts up</li>
 * </ul>
 * Arguments: the database names, e.g. {@code referral_gateway intake scheduling consult reporting}.
 * With {@code --check} as the only argument it only tests that the admin login works (exit 0 or 1).
 */
public final class DatabaseProvisioner {

    /** Names end up in SQL identifiers, so only plain lower-case identifiers are accepted. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseProvisioner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String host = env.getOrDefault("CONSILIUM_PG_HOST", "localhost");
        String port = env.getOrDefault("CONSILIUM_PG_PORT", "15432");
        String adminUser = env.getOrDefault("CONSILIUM_PG_ADMIN_USER", "postgres");
        String adminPassword = env.getOrDefault("CONSILIUM_PG_ADMIN_PASSWORD", "postgres");
        String servicePassword = env.get("CONSILIUM_PG_SERVICE_PASSWORD");
        Duration wait = Duration.ofSeconds(Long.parseLong(env.getOrDefault("CONSILIUM_PG_WAIT_SECONDS", "60")));
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";

        boolean checkOnly = args.length == 1 && args[0].equals("--check");
        if (checkOnly) {
            try (Connection ignored = DriverManager.getConnection(url, adminUser, adminPassword)) {
                return;
            } catch (SQLException e) {
                System.err.println("PostgreSQL at " + host + ":" + port + " not reachable: " + e.getMessage());
                System.exit(1);
            }
        }

        List<String> databases = new ArrayList<>();
        for (String arg : args) {
            if (!IDENTIFIER.matcher(arg).matches()) {
                throw new IllegalArgumentException("not a plain database name: " + arg);
            }
            databases.add(arg);
        }

        try (Connection admin = connectWithRetry(url, adminUser, adminPassword, wait)) {
            for (String db : databases) {
                ensureRole(admin, db, servicePassword != null ? servicePassword : db);
                ensureDatabase(admin, db);
            }
        } catch (SQLException e) {
            // one line for the script's output; the SQL state tells authentication from the rest
            System.err.println("PostgreSQL at " + host + ":" + port + " as " + adminUser + ": " + e.getMessage()
                    + " (SQL state " + e.getSQLState() + ")");
            System.exit(1);
        }
    }

    /** The server may still be starting (or recovering after a crash): retry until the deadline. */
    private static Connection connectWithRetry(String url, String user, String password, Duration wait)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                // 28xxx = authentication problems: retrying will not help
                if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                    throw e;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            System.out.println("role " + role + ": exists");
            return;
        }
        try (Statement st = admin.createStatement()) {
            // CREATE ROLE takes no bind parameters; the name is checked above, the password is quoted.
            st.execute("create role " + role + " login password '" + password.replace("'", "''") + "'");
        }
        System.out.println("role " + role + ": created");
    }

    private static void ensureDatabase(Connection admin, String db) throws SQLException {
        if (exists(admin, "select 1 from pg_database where datname = ?", db)) {
            System.out.println("database " + db + ": exists");
            return;
        }
        try (Statement st = admin.createStatement()) {
            // PostgreSQL 15+: the public schema belongs to the database owner, so the role can create tables.
            st.execute("create database " + db + " owner " + db + " encoding 'UTF8'");
        }
        System.out.println("database " + db + ": created");
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
