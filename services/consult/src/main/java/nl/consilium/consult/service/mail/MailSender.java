package nl.consilium.consult.service.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.consilium.consult.config.ConsultConfig;
import org.jboss.logging.Logger;

/**
 * Sends the committed rows of {@code pending_email} over SMTP (Quarkus Mailer), oldest first, on a
 * thread of its own, woken by every commit that queued an email and otherwise every poll interval.
 * A row is locked while it is sent ({@code for update skip locked}: replicas share the work) and
 * marked sent in the same transaction; a crash between the SMTP server's acceptance and that commit
 * sends it again (at least once, never lost). A failure is retried with a doubling wait, up to
 * {@code consilium.consult.mail.max-attempts}; an address the mailer refuses is not retried. The
 * log names the email's id, kind, referral and the exception's class only: never an address,
 * subject or body.
 */
@ApplicationScoped
public class MailSender {

    private static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(MailSender.class);

    @Inject
    Mailer mailer;

    @Inject
    EntityManager entityManager;

    @Inject
    ConsultConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Counter sent;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        sent = registry.counter("consilium.consult.emails", "outcome", "sent");
        failures = registry.counter("consilium.consult.emails", "outcome", "failed-attempt");
        if (!config.mail().senderEnabled()) {
            LOG.info("Email sender disabled by configuration; emails wait in pending_email");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("consult-mail-sender").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(10));
        }
    }

    /** Called after a transaction that queued an email committed. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                int handled = sendDue();
                if (handled < BATCH) {
                    wakeups.tryAcquire(config.mail().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The database, most likely; the rows stay and are tried again.
                LOG.warnf("Email sender could not read or mark pending emails (%s); trying again",
                        rootCause(e).getClass().getSimpleName());
                try {
                    Thread.sleep(config.mail().pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends up to one batch of due emails; returns how many were tried. */
    @SuppressWarnings("unchecked")
    int sendDue() {
        return QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            Instant now = clock.instant();
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select id, referral_id, kind, recipient, subject, body, attempts
                      from pending_email
                     where sent_at is null and failed_at is null and next_attempt_at <= ?1
                     order by id limit ?2 for update skip locked""")
                    .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter(2, BATCH)
                    .getResultList();
            for (Object[] row : rows) {
                send(row);
            }
            return rows.size();
        });
    }

    private void send(Object[] row) {
        long id = ((Number) row[0]).longValue();
        String referral = String.valueOf(row[1]);
        String kind = (String) row[2];
        int attempts = ((Number) row[6]).intValue() + 1;
        try {
            mailer.send(Mail.withText((String) row[3], (String) row[4], (String) row[5]));
            entityManager.createNativeQuery("""
                    update pending_email set sent_at = ?2, attempts = ?3, recipient = null, subject = null, body = null,
                           last_error = null
                     where id = ?1""")
                    .setParameter(1, id)
                    .setParameter(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .setParameter(3, attempts)
                    .executeUpdate();
            sent.increment();
            LOG.infof("Email %d (%s) for referral %s sent", id, kind, referral);
        } catch (RuntimeException e) {
            failures.increment();
            String cause = rootCause(e).getClass().getSimpleName();
            boolean permanent = isInvalidAddress(e);
            Instant now = clock.instant();
            if (permanent || attempts >= config.mail().maxAttempts()) {
                entityManager.createNativeQuery("""
                        update pending_email set failed_at = ?2, attempts = ?3, last_error = ?4, recipient = null,
                               subject = null, body = null
                         where id = ?1""")
                        .setParameter(1, id)
                        .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(3, attempts)
                        .setParameter(4, cause)
                        .executeUpdate();
                LOG.errorf("Email %d (%s) for referral %s given up after %d attempt(s): %s", id, kind, referral,
                        attempts, cause);
            } else {
                Instant next = now.plus(backoff(attempts));
                entityManager.createNativeQuery("""
                        update pending_email set attempts = ?2, next_attempt_at = ?3, last_error = ?4 where id = ?1""")
                        .setParameter(1, id)
                        .setParameter(2, attempts)
                        .setParameter(3, OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
                        .setParameter(4, cause)
                        .executeUpdate();
                LOG.warnf("Email %d (%s) for referral %s not sent (attempt %d: %s); next attempt at %s", id, kind,
                        referral, attempts, cause, next);
            }
        }
    }

    /** The wait after the {@code attempts}-th failure: the configured backoff, doubled per failure, capped. */
    Duration backoff(int attempts) {
        return backoff(config.mail().retryBackoff(), config.mail().maxRetryBackoff(), attempts);
    }

    static Duration backoff(Duration first, Duration max, int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The mailer refuses an address it cannot parse with an IllegalArgumentException: trying again will not help. */
    private static boolean isInvalidAddress(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
