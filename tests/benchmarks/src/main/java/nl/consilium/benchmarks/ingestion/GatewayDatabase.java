package nl.consilium.benchmarks.ingestion;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.UUID;

/**
 * Counts in the gateway's own database ({@code referral_gateway}, its login role as deploy/local
 * provisions it): how many referrals and documents are stored, whether given referral ids exist, and
 * whether the outbox relay has published everything. Counts only; no patient data is read.
 */
final class GatewayDatabase {

    static final String DATABASE = "referral_gateway";

    private final String url;
    private final Properties login = new Properties();

    /** {@code jdbcBase} like {@code jdbc:postgresql://127.0.0.1:35432/} (CONSILIUM_PG_JDBC_URL). */
    GatewayDatabase(String jdbcBase, String password) {
        this.url = jdbcBase.endsWith("/") ? jdbcBase + DATABASE : jdbcBase + "/" + DATABASE;
        login.setProperty("user", DATABASE);
        login.setProperty("password", password);
    }

    long referrals() throws SQLException {
        return single("select count(*) from referral");
    }

    long documents() throws SQLException {
        return single("select count(*) from received_document");
    }

    long unpublishedOutboxRows() throws SQLException {
        return single("select count(*) from outbox_message where published_at is null");
    }

    /** How many of these referral ids are rows of {@code referral}. */
    long existing(Collection<UUID> ids) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from referral where id = any(?)")) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits until no outbox row is unpublished; false if that did not happen within {@code timeout}. */
    boolean awaitOutboxDrained(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unpublishedOutboxRows() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, login);
    }
}
