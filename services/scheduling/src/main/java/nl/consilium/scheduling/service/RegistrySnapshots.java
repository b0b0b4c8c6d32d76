package nl.consilium.scheduling.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import nl.consilium.scheduling.config.SchedulingConfig;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * This instance's in-memory {@link SchedulingSnapshot} of the registry and availability, which the
 * matching engine reads. Every change of the registry or of availability bumps
 * {@code registry_revision} in its own transaction ({@link #changed}). After such a change committed
 * through this instance the next {@link #current} reads the registry again at once; changes made
 * through other instances are noticed by comparing the revision, at most every
 * {@code consilium.scheduling.snapshot-refresh-interval} (default 10 s). Reading happens on the caller's
 * connection, so a reload never waits for a second connection from the pool.
 */
@ApplicationScoped
public class RegistrySnapshots {

    private static final Logger LOG = Logger.getLogger(RegistrySnapshots.class);

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    SchedulingConfig config;

    @Inject
    MeterRegistry metrics;

    private volatile SchedulingSnapshot snapshot;
    private volatile long checkedAt;
    private volatile boolean changedHere = true;

    /** The snapshot to match against: up to date with this instance's changes, at most the refresh interval behind others'. */
    @Transactional
    public SchedulingSnapshot current() {
        SchedulingSnapshot known = snapshot;
        if (known != null && !changedHere && System.nanoTime() - checkedAt < config.snapshotRefreshInterval().toNanos()) {
            return known;
        }
        synchronized (this) {
            known = snapshot;
            if (known != null && !changedHere
                    && System.nanoTime() - checkedAt < config.snapshotRefreshInterval().toNanos()) {
                return known;
            }
            changedHere = false; // a change that commits while we read marks it again
            SchedulingSnapshot previous = known;
            SchedulingSnapshot fresh = entityManager.unwrap(Session.class).doReturningWork(connection -> {
                if (previous != null && previous.revision() == SnapshotLoader.revision(connection)) {
                    return previous;
                }
                long started = System.nanoTime();
                SchedulingSnapshot loaded = SnapshotLoader.load(connection);
                metrics.counter("consilium.scheduling.snapshot.loads").increment();
                LOG.debugf("Registry snapshot at revision %d: %d specialists in %d ms", loaded.revision(),
                        loaded.registry().size(), (System.nanoTime() - started) / 1_000_000);
                return loaded;
            });
            snapshot = fresh;
            checkedAt = System.nanoTime();
            return fresh;
        }
    }

    /**
     * In the transaction of a change of the registry or of availability: bumps the revision (so other
     * instances reload) and lets this instance reload once the change committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed() {
        entityManager.createNativeQuery("update registry_revision set revision = revision + 1 where id = 1")
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changedHere = true;
                }
            }
        });
    }
}
