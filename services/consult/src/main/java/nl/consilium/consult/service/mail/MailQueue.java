package nl.consilium.consult.service.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.consilium.consult.service.mail.PatientMails.Facts;
import nl.consilium.consult.service.mail.PatientMails.Message;

/**
 * Puts a patient email into {@code pending_email} in the caller's transaction: it exists if and only
 * if the change it announces committed, and {@link MailSender} sends it after the commit. At most one
 * email per referral waits at a time: a new one supersedes the one not sent yet (its time or link is
 * out of date). When the superseded one was the invitation, the patient never heard of the
 * appointment: a move or a new link then goes out as the invitation, and a cancellation not at all.
 */
@ApplicationScoped
public class MailQueue {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MailSender sender;

    /**
     * Queues the email, unless there is no address to send it to.
     *
     * @return the kind queued, or empty when nothing was queued (no address; or a cancellation of an
     *     appointment the patient was never told of)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MailKind> queue(UUID referralId, String recipient, MailKind kind, Facts facts, Instant now) {
        List<String> superseded = supersedeUnsent(referralId, now);
        MailKind effective = kind;
        if (superseded.contains(MailKind.INVITATION.name())) {
            if (kind == MailKind.CANCELLED) {
                return Optional.empty();
            }
            effective = MailKind.INVITATION;
        }
        if (recipient == null || recipient.isBlank()) {
            return Optional.empty();
        }
        Message message = PatientMails.compose(effective, recipient.strip(), facts);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        entityManager.createNativeQuery("""
                insert into pending_email (referral_id, kind, recipient, subject, body, created_at, next_attempt_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?6)""")
                .setParameter(1, referralId)
                .setParameter(2, effective.name())
                .setParameter(3, message.recipient())
                .setParameter(4, message.subject())
                .setParameter(5, message.body())
                .setParameter(6, at)
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeSenderAfterCommit(sender));
        return Optional.of(effective);
    }

    /** Marks the referral's unsent emails superseded (their content cleared); returns their kinds. */
    @SuppressWarnings("unchecked")
    private List<String> supersedeUnsent(UUID referralId, Instant now) {
        // Locks the rows: an email the sender is sending right now is waited for, and then is sent.
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, kind from pending_email
                 where referral_id = ?1 and sent_at is null and failed_at is null for update""")
                .setParameter(1, referralId).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        entityManager.createNativeQuery("""
                update pending_email set failed_at = ?2, last_error = 'superseded', recipient = null, subject = null,
                       body = null
                 where id in (?1)""")
                .setParameter(1, rows.stream().map(r -> ((Number) r[0]).longValue()).toList())
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        return rows.stream().map(r -> (String) r[1]).toList();
    }

    private record WakeSenderAfterCommit(MailSender sender) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                sender.wake();
            }
        }
    }
}
