package nl.consilium.gateway.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Remembers the {@code jti} of every accepted ZorgDomein token until the token could no longer be
 * accepted anyway (table {@code zorgdomein_token_id}). The claim is one statement,
 * {@code insert ... on conflict}, in its own auto-committed connection: of concurrent requests with
 * the same {@code jti} exactly one gets the row. A row whose window has passed may be taken over by
 * a new token; such rows are also deleted, at most once a minute, after an accepted token.
 */
@ApplicationScoped
public class JtiReplayGuard {

    private static final Logger LOG = Logger.getLogger(JtiReplayGuard.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

    private static final String CLAIM = """
            insert into zorgdomein_token_id (jti, issuer, seen_at, expires_at) values (?, ?, ?, ?)
            on conflict (jti) do update
                set issuer = excluded.issuer, seen_at = excluded.seen_at, expires_at = excluded.expires_at
                where zorgdomein_token_id.expires_at < excluded.seen_at""";

    @Inject
    AgroalDataSource dataSource;

    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    /**
     * Claims {@code jti} for the window ending at {@code expiresAt}.
     *
     * @return true for the first use, false when the {@code jti} was seen within its window
     */
    public boolean firstUse(String jti, String issuer, Instant seenAt, Instant expiresAt) {
        boolean first;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            connection.setAutoCommit(true);
            claim.setString(1, jti);
            claim.setString(2, issuer);
            claim.setObject(3, OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC));
            claim.setObject(4, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            first = claim.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the ZorgDomein token id (SQL state " + e.getSQLState() + ")", e);
        }
        Instant last = lastCleanup.get();
        if (first && seenAt.isAfter(last.plus(CLEANUP_INTERVAL)) && lastCleanup.compareAndSet(last, seenAt)) {
            try {
                deleteExpired(seenAt);
            } catch (RuntimeException e) {
                LOG.warnf("Cleanup of expired ZorgDomein token ids failed: %s", e.getClass().getName());
            }
        }
        return first;
    }

    /** Deletes the token ids whose window ended before {@code now}; answers how many. */
    public int deleteExpired(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from zorgdomein_token_id where expires_at < ?")) {
            connection.setAutoCommit(true);
            delete.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete expired ZorgDomein token ids (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }
}
