package nl.consilium.intake.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.intake.config.IntakeConfig;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * The overdue job: marks open cases past their {@code intakeDueAt} as overdue and publishes
 * {@link IntakeOverdue} once per case, then refreshes the gauges {@code consilium_intake_cases_open}
 * and {@code consilium_intake_cases_overdue} (no labels). Runs every
 * {@code consilium.intake.overdue.interval} ({@code off} switches it off; tests call
 * {@link #run()} themselves).
 *
 * <p>Safe with several instances: each batch locks its candidates with {@code for update skip
 * locked}, so two instances never take the same case, and a case marked by one is no candidate for
 * the other once committed ({@code overdue_at is null} is re-checked under the lock). A nurse's change
 * of the same case waits for the batch, or the batch skips the case until the next run.
 */
@ApplicationScoped
public class OverdueDetection {

    public static final String OPEN_GAUGE = "consilium.intake.cases.open";
    public static final String OVERDUE_GAUGE = "consilium.intake.cases.overdue";
    private static final Logger LOG = Logger.getLogger(OverdueDetection.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    IntakeConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    void registerGauges(@Observes StartupEvent event) {
        Gauge.builder(OPEN_GAUGE, open, AtomicLong::get)
                .description("Intake cases neither decided nor cancelled (as of the overdue job's last run)")
                .register(registry);
        Gauge.builder(OVERDUE_GAUGE, overdue, AtomicLong::get)
                .description("Open intake cases past their intake deadline (as of the overdue job's last run)")
                .register(registry);
        refreshGauges();
    }

    @Scheduled(identity = "intake-overdue", every = "${consilium.intake.overdue.interval:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // the next run tries again; the message could quote data, the class cannot
            LOG.errorf("The overdue job failed: %s", e.getClass().getName());
        }
    }

    /**
     * One run of the job: marks the overdue cases, then refreshes the gauges.
     *
     * @return how many cases this run marked overdue
     */
    public int run() {
        int marked = markOverdueCases();
        refreshGauges();
        return marked;
    }

    /**
     * Marks every open case past its deadline that is not marked yet, in batches of
     * {@code consilium.intake.overdue.batch-size}, one transaction each.
     *
     * @return how many cases were marked
     */
    public int markOverdueCases() {
        int total = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::markBatch);
            total += batch[1];
            if (batch[0] < config.overdue().batchSize() || batch[1] == 0) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Marked %d intake cases overdue", total);
        }
        return total;
    }

    /** One batch, in the caller's transaction: {candidates locked, cases marked}. */
    private int[] markBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> candidates = entityManager.createNativeQuery("""
                select referral_id from intake_case
                 where overdue_at is null and status = ?1 and intake_due_at <= ?2
                 order by intake_due_at, referral_id
                 limit ?3
                 for update skip locked""", UUID.class)
                .setParameter(1, IntakeStatus.OPEN.name())
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, config.overdue().batchSize())
                .getResultList();
        int marked = 0;
        for (UUID referralId : candidates) {
            IntakeCase intakeCase = IntakeCase.findById(referralId);
            if (intakeCase != null && intakeCase.markOverdue(now)) {
                outbox.publish(new IntakeOverdue(referralId, intakeCase.patientId(), intakeCase.intakeDueAt(), now));
                marked++;
            }
        }
        entityManager.flush();
        return new int[] {candidates.size(), marked};
    }

    /** Counts the open and the overdue open cases for the gauges. */
    public void refreshGauges() {
        QuarkusTransaction.requiringNew().run(() -> {
            open.set(IntakeCase.count("status", IntakeStatus.OPEN));
            overdue.set(IntakeCase.count("status = ?1 and overdueAt is not null", IntakeStatus.OPEN));
        });
    }
}
