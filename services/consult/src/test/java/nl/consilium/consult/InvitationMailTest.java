package nl.consilium.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nl.consilium.consult.ConsultFixtures.Referral;
import nl.consilium.consult.service.ConsultEvents;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import nl.consilium.testing.TestKafka;
import nl.consilium.testing.Tokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The patient's emails, as a real SMTP server receives them: written with the change in one
 * transaction and sent after its commit (never when it rolls back), in Dutch or English, in
 * Amsterdam time, again on a cancellation; without patient data in the application's log.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsiliumTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
class InvitationMailTest {

    @Inject
    ConsultEvents events;

    @Inject
    EntityManager entityManager;

    @Test
    void aPatientWhoPrefersAnotherLanguageGetsEnglishInSummerTimeToo() {
        Referral referral = Referral.fresh();
        events.recordIntake(referral.intake(false, "en", referral.email()));
        // 1 July 2027, 08:00 UTC is 10:00 in Amsterdam (CEST)
        events.recordBooking(referral.booking(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME,
                Instant.parse("2027-07-01T08:00:00Z"), Instant.parse("2027-07-01T08:30:00Z")));
        Mailbox.Received mail = Mailbox.await(referral.email(), 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Invitation: video consultation on Thursday 1 July 2027 at 10:00 (Amsterdam time)");
        assertThat(mail.body()).contains("Dear " + ConsultFixtures.PATIENT_NAME)
                .contains("Thursday 1 July 2027, 10:00 - 10:30 (Amsterdam time)")
                .contains(ConsultFixtures.SMIT_NAME + ", " + ConsultFixtures.SPECIALTY)
                .contains("quiet room", "proof of identity", "medicines", "questions")
                .contains(MailServer.JITSI_BASE_URL + "/")
                .doesNotContain("08:00");
    }

    @Test
    void nothingIsSentWhenTheTransactionRollsBack() {
        Referral rolledBack = Referral.fresh();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            events.recordIntake(rolledBack.intake());
            events.recordBooking(rolledBack.booking());
            assertThat(pendingRows(rolledBack.referralId(), false)).isEqualTo(1);
            throw new IllegalStateException("the commit fails");
        })).isInstanceOf(IllegalStateException.class);

        // the sender takes rows in order: once a later email arrived, the rolled-back one would have too
        Referral later = Referral.fresh();
        events.recordIntake(later.intake());
        events.recordBooking(later.booking());
        Mailbox.await(later.email(), 1);
        assertThat(Mailbox.of(rolledBack.email())).isEmpty();
        assertThat(pendingRows(rolledBack.referralId(), true)).isZero();
        Api.get(Tokens.coordinator(), rolledBack.referralId()).statusCode(404);
    }

    @Test
    void aSentEmailKeepsNoContentAndAPatientWithoutAddressGetsNone() {
        Referral referral = Referral.fresh();
        events.recordIntake(referral.intake());
        events.recordBooking(referral.booking());
        Mailbox.await(referral.email(), 1);
        await().atMost(Api.WAIT).until(() -> rowState(referral.referralId()).equals(List.of("INVITATION sent")));

        Referral noAddress = Referral.fresh();
        events.recordIntake(noAddress.intake(false, "nl", null));
        events.recordBooking(noAddress.booking());
        Api.get(Api.smit(), noAddress.referralId()).statusCode(200).body("status", is("SCHEDULED"));
        assertThat(pendingRows(noAddress.referralId(), true)).isZero();
    }

    @Test
    void movesBeforeTheInvitationWentOutMakeOneInvitationWithTheLatestTime() {
        Referral referral = Referral.fresh();
        Instant later = Instant.parse("2026-11-26T13:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            events.recordIntake(referral.intake());
            events.recordBooking(referral.booking());
            events.recordReschedule(referral.moved(ConsultFixtures.SMIT_AGB, ConsultFixtures.SMIT_NAME, later,
                    ConsultFixtures.STARTS_AT, ConsultFixtures.SMIT_AGB));
        });
        Mailbox.Received mail = Mailbox.await(referral.email(), 1).getFirst();
        assertThat(mail.subject()).isEqualTo("Uitnodiging videoconsult op donderdag 26 november 2026 om 14:00");
        String room = JoinTokens.verify(JoinTokens.linkIn(mail.body())).room();
        String current = Api.get(Api.smit(), referral.referralId()).statusCode(200).extract().path("videoRoom.joinUrl");
        assertThat(JoinTokens.verify(current).room()).isEqualTo(room);
        await().atMost(Api.WAIT).until(() -> rowState(referral.referralId())
                .equals(List.of("INVITATION superseded", "INVITATION sent")));
        assertThat(Mailbox.of(referral.email())).hasSize(1);
    }

    @Test
    void aCancellationTellsAnInvitedPatientOnceAndTheLogNamesNoPatient() {
        List<String> log = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                log.add(record.getLoggerName() + " " + message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Referral referral = Referral.fresh();
            TestKafka.publish(ConsultFixtures.envelope(referral.intake(), "intake"));
            TestKafka.publish(ConsultFixtures.envelope(referral.booking(), "scheduling"));
            Mailbox.await(referral.email(), 1);
            TestKafka.publish(ConsultFixtures.envelope(referral.consultCancelled("PATIENT", ConsultFixtures.STARTS_AT),
                    "scheduling"));
            Mailbox.Received cancelled = Mailbox.await(referral.email(), 2).get(1);
            assertThat(cancelled.subject()).isEqualTo("Uw videoconsult op woensdag 25 november 2026 om 10:00 gaat niet door");
            assertThat(cancelled.body()).contains(ConsultFixtures.SMIT_NAME).doesNotContain("https://")
                    .doesNotContain("ziek");
            Api.get(Tokens.coordinator(), referral.referralId()).statusCode(200)
                    .body("status", is("CANCELLED"))
                    .body("cancellation.cancelledBy", is("PATIENT"))
                    .body("cancellation.reasonCode", is((String) null))
                    .body("videoRoom", is((Object) null));

            // the referrer's cancellation after it changes nothing and sends nothing
            EventEnvelope<ReferralCancelled> second = ConsultFixtures.envelope(referral.cancellation(),
                    "referral-gateway");
            TestKafka.publish(second);
            await().atMost(Api.WAIT).until(() -> processed(second.id()));
            await().atMost(Api.WAIT).until(() -> rowState(referral.referralId())
                    .equals(List.of("INVITATION sent", "CANCELLED sent")));
            assertThat(Mailbox.of(referral.email())).hasSize(2);

            // the service's log and its libraries', not the test's own mail server (GreenMail logs its users)
            assertThat(log).filteredOn(line -> !line.startsWith("com.icegreen")).isNotEmpty().noneMatch(line -> line.contains(referral.email())
                    || line.contains(ConsultFixtures.PATIENT_NAME) || line.contains(ConsultFixtures.QUESTION)
                    || line.contains("Testpati"));
        } finally {
            root.removeHandler(capture);
        }
    }

    /** kind and state ("sent", "superseded", "failed", "pending") of the referral's emails, in order. */
    @SuppressWarnings("unchecked")
    private List<String> rowState(UUID referralId) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select kind, case when sent_at is not null then 'sent'
                                  when last_error = 'superseded' then 'superseded'
                                  when failed_at is not null then 'failed' else 'pending' end,
                       recipient, body
                  from pending_email where referral_id = ?1 order by id""")
                .setParameter(1, referralId).getResultList());
        rows.stream().filter(r -> !"pending".equals(r[1])).forEach(r -> {
            assertThat(r[2]).as("a handled email keeps no address").isNull();
            assertThat(r[3]).as("a handled email keeps no body").isNull();
        });
        return rows.stream().map(r -> r[0] + " " + r[1]).toList();
    }

    private long pendingRows(UUID referralId, boolean newTransaction) {
        String sql = "select count(*) from pending_email where referral_id = ?1";
        if (!newTransaction) {
            return ((Number) entityManager.createNativeQuery(sql).setParameter(1, referralId).getSingleResult())
                    .longValue();
        }
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, referralId).getSingleResult()).longValue());
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue()) == 1;
    }
}
