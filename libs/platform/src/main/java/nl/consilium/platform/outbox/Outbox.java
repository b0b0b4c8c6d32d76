package nl.consilium.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.platform.config.PlatformConfig;

/**
 * The only way a service publishes an event: the event is written to {@code outbox_message} in the
 * caller's transaction, so it exists if and only if the business change committed. The
 * {@link OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    PlatformConfig config;

    @Inject
    Clock clock;

    /** Records {@code data} for publication on its topic, keyed by its partition key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends ConsiliumEvent> EventEnvelope<T> publish(T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(data, config.serviceName(), clock.instant());
        entityManager.createNativeQuery("""
                insert into outbox_message (event_id, topic, message_key, event_type, payload, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, envelope.id())
                .setParameter(2, envelope.eventType().topic())
                .setParameter(3, data.partitionKey())
                .setParameter(4, envelope.type())
                .setParameter(5, EventCodec.encode(envelope))
                .setParameter(6, OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return envelope;
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
