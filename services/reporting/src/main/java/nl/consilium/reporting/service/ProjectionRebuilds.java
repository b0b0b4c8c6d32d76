package nl.consilium.reporting.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.consilium.platform.inbox.IdempotentConsumer;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import nl.consilium.reporting.config.ReportingConfig;
import nl.consilium.reporting.domain.ProjectionRebuild;
import nl.consilium.reporting.domain.RebuildStatus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds reporting's projections from the topics, in this running service
 * ({@code POST /api/reporting/admin/rebuild}):
 * <ol>
 *   <li>takes the rebuild lock (one rebuild at a time across replicas) and closes the gate: the live
 *       consumers finish the event in hand and then wait (see {@link ReportingProjection#consume});</li>
 *   <li>empties the referral projections ({@code referral_overview}, {@code referral_timeline_entry},
 *       {@code report_addendum})
 *       and forgets which events reporting's consumers applied ({@code processed_event});</li>
 *   <li>notes every partition's end offset, then reads all five topics from their beginning up to those
 *       offsets with a consumer of its own (no group, nothing committed) and applies each record
 *       through the same idempotent path as the live consumers, one transaction per record;</li>
 *   <li>opens the gate: the live consumers carry on; what they hold was applied by the replay (and is
 *       skipped) or lies past the end offsets (and is new).</li>
 * </ol>
 * The patient's NEN 7513 overview ({@code patient_access_log}) is append-only and is not emptied: the
 * replay only adds audit records it lacks (the topic may no longer hold the oldest ones). Records that
 * cannot be read are counted and skipped (the live consumers dead-lettered them before).
 */
@ApplicationScoped
public class ProjectionRebuilds {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilds.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ReportingProjection projection;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    ReportingConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reporting-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /** A rebuild that was running when its instance stopped is marked interrupted (when none runs now). */
    void markInterrupted(@Observes StartupEvent event) {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder, ReportingProjection.REBUILD_JOB)) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> ProjectionRebuild.<ProjectionRebuild>list("status",
                        RebuildStatus.RUNNING).forEach(r -> r.interrupt(clock.instant())));
            } finally {
                unlockAll(lockHolder);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not check for interrupted rebuilds: %s", e.getClass().getName());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /**
     * Starts a rebuild in the background and returns it, running.
     *
     * @throws ProblemException 409 {@code rebuild-running} when a rebuild runs already (here or in another replica)
     */
    public ProjectionRebuild start() {
        Connection lockHolder = null;
        try {
            lockHolder = dataSource.getConnection();
            if (!tryLock(lockHolder, ReportingProjection.REBUILD_JOB)) {
                throw ProblemException.conflict("rebuild-running",
                        "A rebuild of the projections is running already; wait until it is done");
            }
            ProjectionRebuild rebuild = ProjectionRebuild.requested(user.subject(), clock.instant());
            QuarkusTransaction.requiringNew().run(rebuild::persist);
            Connection holder = lockHolder;
            executor.submit(() -> run(rebuild.rebuildId(), holder));
            lockHolder = null;
            LOG.infof("Rebuild %s of the projections requested", rebuild.rebuildId());
            return rebuild;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the rebuild (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (lockHolder != null) {
                unlockAll(lockHolder);
                close(lockHolder);
            }
        }
    }

    /** A rebuild by id; not found when there is none. */
    public ProjectionRebuild get(UUID rebuildId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProjectionRebuild rebuild = ProjectionRebuild.findById(rebuildId);
            if (rebuild == null) {
                throw ProblemException.notFound("Rebuild " + rebuildId);
            }
            return rebuild;
        });
    }

    /** The rebuild itself, on the rebuild thread, holding the job lock on {@code lockHolder}. */
    private void run(UUID rebuildId, Connection lockHolder) {
        Counts counts = new Counts();
        try {
            lock(lockHolder, ReportingProjection.REBUILD_GATE);
            LOG.infof("Rebuild %s: the live consumers wait; emptying the projections", rebuildId);
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("truncate table referral_timeline_entry, report_addendum, referral_overview")
                        .executeUpdate();
                entityManager.createNativeQuery("delete from processed_event where consumer like 'reporting.%'")
                        .executeUpdate();
            });
            replay(rebuildId, counts);
            QuarkusTransaction.requiringNew().run(() -> {
                ProjectionRebuild rebuild = ProjectionRebuild.findById(rebuildId);
                rebuild.progress(counts.read, counts.applied, counts.skipped, counts.unreadable);
                rebuild.finish(clock.instant());
            });
            LOG.infof("Rebuild %s done: %d records read, %d applied, %d skipped, %d unreadable", rebuildId,
                    counts.read, counts.applied, counts.skipped, counts.unreadable);
        } catch (Exception e) {
            // the class only: a message could quote patient data
            LOG.errorf("Rebuild %s failed: %s", rebuildId, e.getClass().getName());
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ProjectionRebuild rebuild = ProjectionRebuild.findById(rebuildId);
                    rebuild.progress(counts.read, counts.applied, counts.skipped, counts.unreadable);
                    rebuild.fail(e.getClass().getName(), clock.instant());
                });
            } catch (RuntimeException again) {
                LOG.errorf("Rebuild %s: could not record the failure: %s", rebuildId, again.getClass().getName());
            }
        } finally {
            unlockAll(lockHolder);
            close(lockHolder);
        }
    }

    private void replay(UUID rebuildId, Counts counts) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + rebuildId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ReportingProjection.CONSUMER_BY_TOPIC.keySet().stream().sorted().toList()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            LOG.infof("Rebuild %s: reading %d partitions up to %d records", rebuildId, partitions.size(),
                    end.values().stream().mapToLong(Long::longValue).sum());
            Instant lastProgress = clock.instant();
            long nextReport = config.rebuild().progressEvery();
            while (!atEnd(consumer, end)) {
                var records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    if (Duration.between(lastProgress, clock.instant()).compareTo(config.rebuild().idleTimeout()) > 0) {
                        throw new IllegalStateException("No records from the broker before the end offsets");
                    }
                    continue;
                }
                lastProgress = clock.instant();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.getOrDefault(partition, 0L)) {
                        continue; // new since the start: the live consumer applies it
                    }
                    apply(record, counts);
                }
                if (counts.read >= nextReport) {
                    nextReport = counts.read + config.rebuild().progressEvery();
                    QuarkusTransaction.requiringNew().run(() -> ProjectionRebuild.<ProjectionRebuild>findById(rebuildId)
                            .progress(counts.read, counts.applied, counts.skipped, counts.unreadable));
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record, Counts counts) {
        counts.read++;
        String consumerName = ReportingProjection.CONSUMER_BY_TOPIC.get(record.topic());
        try {
            boolean applied = QuarkusTransaction.requiringNew()
                    .call(() -> inbox.receive(consumerName, record.value(), projection::apply));
            if (applied) {
                counts.applied++;
            } else {
                counts.skipped++;
            }
        } catch (RuntimeException e) {
            counts.unreadable++;
            LOG.debugf("Rebuild skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getClass().getName());
        }
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static boolean tryLock(Connection connection, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, ReportingProjection.REBUILD_LOCK_SPACE);
            statement.setInt(2, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void lock(Connection connection, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
            statement.setInt(1, ReportingProjection.REBUILD_LOCK_SPACE);
            statement.setInt(2, key);
            statement.executeQuery().close();
        }
    }

    /** Releases every session lock of this connection before it goes back to the pool. */
    private static void unlockAll(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock_all()")) {
            statement.executeQuery().close();
        } catch (SQLException e) {
            LOG.warnf("Could not release the rebuild locks: %s", e.getClass().getName());
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warnf("Could not close the rebuild's connection: %s", e.getClass().getName());
        }
    }

    /** What the replay did so far. */
    private static final class Counts {
        long read;
        long applied;
        long skipped;
        long unreadable;
    }
}
