package nl.consilium.platform.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.platform.config.PlatformConfig;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.security.CurrentUser;
import org.hibernate.Session;

/**
 * Writes the NEN 7513 access log: one append-only {@code audit_log} row per access to patient data,
 * in the same transaction as the access, and the same record as an {@link AuditRecorded} event
 * through the outbox so that reporting can give a patient one overview. The user (token subject and
 * roles), on whose behalf, and the client address come from the current request.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    CurrentUser user;

    @Inject
    CurrentVertxRequest request;

    @Inject
    PlatformConfig config;

    @Inject
    Clock clock;

    /** Records a successful access, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecorded record(AccessKind kind, String resourceType, Object resourceId, UUID patientId,
            UUID referralId) {
        return write(kind, resourceType, resourceId, patientId, referralId, AuditOutcome.SUCCESS);
    }

    /**
     * Records an access that was refused or failed, in a transaction of its own so that it stays
     * when the caller's transaction rolls back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditRecorded recordRefused(AccessKind kind, String resourceType, Object resourceId, UUID patientId,
            UUID referralId, AuditOutcome outcome) {
        if (outcome == AuditOutcome.SUCCESS) {
            throw new IllegalArgumentException("use record() for a successful access");
        }
        return write(kind, resourceType, resourceId, patientId, referralId, outcome);
    }

    private AuditRecorded write(AccessKind kind, String resourceType, Object resourceId, UUID patientId,
            UUID referralId, AuditOutcome outcome) {
        Objects.requireNonNull(patientId, "an audit record names the patient");
        Instant now = clock.instant();
        String action = resourceType + "." + kind.verb();
        String resource = resourceType + "/" + resourceId;
        List<String> roles = user.roleList();
        AuditRecorded record = new AuditRecorded(UUID.randomUUID(), now, config.serviceName(), action, patientId,
                referralId, resource, user.subject(), roles, user.onBehalfOf().orElse(null), clientAddress(),
                outcome);
        // Plain JDBC on the transaction's connection: several values may be null, which native
        // Hibernate queries cannot type.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_log (id, occurred_at, action, patient_id, referral_id, resource, user_subject,
                                           user_roles, on_behalf_of, client_address, outcome)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, record.auditId());
                insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setString(3, action);
                insert.setObject(4, patientId);
                insert.setObject(5, referralId, Types.OTHER);
                insert.setString(6, resource);
                insert.setString(7, record.userSubject());
                insert.setString(8, String.join(",", roles));
                insert.setString(9, record.onBehalfOf());
                insert.setString(10, record.clientAddress());
                insert.setString(11, outcome.name());
                insert.executeUpdate();
            }
        });
        outbox.publish(record);
        return record;
    }

    /** The caller's address; behind a proxy, with quarkus.http.proxy.* set, the forwarded one. */
    private String clientAddress() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return null;
        }
        SocketAddress address = context.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
