package nl.consilium.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * Applies each event at most once per consumer: the event id goes into {@code processed_event} in
 * the same transaction as the effect, so a redelivered event (after a crash, a rebalance, or the
 * producer's relay sending twice) finds its row and is skipped. Call it from a thin
 * {@code @Incoming @Blocking @Transactional} method; a {@link MalformedEventException} or a failing
 * effect rolls the transaction back and nacks the record, which sends it to the dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Decodes {@code json} and applies {@code effect} unless {@code consumer} applied this event before.
     *
     * @return true when the effect ran
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(String consumer, String json, Consumer<EventEnvelope<ConsiliumEvent>> effect) {
        if (json == null) {
            throw new MalformedEventException("Empty record (tombstone) on an event topic");
        }
        Optional<EventEnvelope<ConsiliumEvent>> decoded = EventCodec.decode(json);
        if (decoded.isEmpty()) {
            LOG.debugf("%s skips an event type it does not know", consumer);
            return false;
        }
        EventEnvelope<ConsiliumEvent> envelope = decoded.get();
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, envelope.id())
                .setParameter(3, envelope.type())
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s skips event %s: applied before", consumer, envelope.id());
            return false;
        }
        effect.accept(envelope);
        return true;
    }
}
