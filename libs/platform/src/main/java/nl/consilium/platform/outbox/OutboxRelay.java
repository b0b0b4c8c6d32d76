package nl.consilium.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.consilium.platform.config.PlatformConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes committed outbox rows to Kafka in the order they were written, waits for the broker's
 * acknowledgement, then marks them published. At-least-once: a crash between the send and the mark
 * sends the rows again, and consumers de-duplicate on the event id ({@code ce_id} header and
 * envelope {@code id}). One relay per database publishes at a time (a PostgreSQL advisory lock), so
 * several replicas of a service keep the order of each referral's events.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "consilium-outbox";
    /** Advisory lock key: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<String> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    PlatformConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    private Counter published;
    private Counter failures;
    private Instant nextCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        published = registry.counter("consilium.outbox.published");
        failures = registry.counter("consilium.outbox.failures");
        Gauge.builder("consilium.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").register(registry);
        if (!config.outbox().relayEnabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(10));
        }
    }

    /** Called after a transaction that wrote to the outbox committed. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        int consecutiveFailures = 0;
        while (running) {
            try {
                int sent = publishBatch();
                consecutiveFailures = 0;
                if (sent < config.outbox().batchSize()) {
                    refreshPending();
                    cleanupIfDue();
                    wakeups.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                consecutiveFailures++;
                long backoff = Math.min(30_000L, 500L << Math.min(consecutiveFailures, 6));
                // Exception class only: a message could quote row content.
                LOG.warnf("Outbox relay could not publish (%s, attempt %d); retrying in %d ms",
                        rootCause(e), consecutiveFailures, backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends up to one batch of pending rows; returns how many were published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(90).call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!locked) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select seq, event_id, topic, message_key, event_type, payload
                      from outbox_message where published_at is null order by seq limit ?1""")
                    .setParameter(1, config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            // Send with the transaction suspended (it stays open, holding the lock and the rows): the
            // producer's callbacks run on Kafka's threads and must not carry the transaction along.
            QuarkusTransaction.suspendingExisting().run(() -> {
                List<Uni<Void>> sends = rows.stream().map(this::send).toList();
                Uni.join().all(sends).andFailFast().replaceWithVoid().await().atMost(SEND_TIMEOUT);
            });
            List<Long> sequences = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
            entityManager.createNativeQuery("update outbox_message set published_at = ?1 where seq in (?2)")
                    .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .setParameter(2, sequences)
                    .executeUpdate();
            published.increment(rows.size());
            return rows.size();
        });
    }

    private Uni<Void> send(Object[] row) {
        String eventId = row[1].toString();
        String type = (String) row[4];
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic((String) row[2])
                .withKey((String) row[3])
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of((String) row[5]).addMetadata(metadata));
    }

    private void refreshPending() {
        Number count = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("select count(*) from outbox_message where published_at is null")
                .getSingleResult());
        pending.set(count.longValue());
    }

    private void cleanupIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        Instant cutoff = now.minus(config.outbox().retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_message where published_at < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .executeUpdate());
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
