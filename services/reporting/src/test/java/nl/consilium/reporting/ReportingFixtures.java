package nl.consilium.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.EventType;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.testing.ConsiliumTestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The four events of one fictitious referral as its producers publish them, and audit records. */
record ReportingFixtures(UUID referralId, UUID patientId, String referrerAgb, String zdNumber, Instant receivedAt,
        boolean patientObjects) {

    static final String FINDINGS = "Stenose van de LAD, goed behandelbaar met een stent.";
    static final String RECOMMENDATIONS = "Bespreek PCI met de behandelend cardioloog.";
    static final String QUESTION = "Is bypass surgery the right treatment?";
    static final String SPECIALIST = "Jeroen Smit";
    static final String CANCELLATION_REASON = "Patiënt ziet af van de second opinion";
    static final String REJECTION_EXPLANATION = "Patiënt vraagt om behandeling, niet om een second opinion.";

    /** A referral by a GP with a fresh AGB code, so that each test sees only its own referrals. */
    static ReportingFixtures referral() {
        return referralBy(randomGpAgb(), Instant.parse("2026-11-23T08:00:00Z"), false);
    }

    static ReportingFixtures referralBy(String agb, Instant receivedAt, boolean patientObjects) {
        return new ReportingFixtures(UUID.randomUUID(), UUID.randomUUID(), agb,
                "ZD" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L), receivedAt, patientObjects);
    }

    static String randomGpAgb() {
        return "01" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    ReportingFixtures objecting() {
        return new ReportingFixtures(referralId, patientId, referrerAgb, zdNumber, receivedAt, true);
    }

    Instant intakeCompletedAt() {
        return receivedAt.plusSeconds(3 * 3600);
    }

    Instant scheduledAt() {
        return receivedAt.plusSeconds(3 * 3600 + 5);
    }

    Instant consultStartsAt() {
        return receivedAt.plusSeconds(4 * 86_400);
    }

    Instant completedAt() {
        return consultStartsAt().plusSeconds(3600);
    }

    ReferralReceived received() {
        return new ReferralReceived(referralId, zdNumber, receivedAt, patientId,
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001", "p@example.org"),
                new Referrer(referrerAgb, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", "cardiology",
                "Ziekenhuis Oost", "Dr. P. Visser");
    }

    IntakeCompleted intakeCompleted() {
        return new IntakeCompleted(referralId, patientId, intakeCompletedAt(), "nurse.bakker", QUESTION,
                List.of(IntakeReason.DOUBT_ABOUT_TREATMENT), "cardiology", "Ziekenhuis Oost", "nl",
                LocalDate.of(2026, 12, 7), patientObjects, referrerAgb,
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001", null));
    }

    ConsultScheduled scheduled() {
        return new ConsultScheduled(referralId, UUID.nameUUIDFromBytes(referralId.toString().getBytes()), patientId,
                "03111111", SPECIALIST, "cardiology", consultStartsAt(), consultStartsAt().plusSeconds(1800));
    }

    ConsultCompleted completed() {
        return new ConsultCompleted(referralId, UUID.nameUUIDFromBytes(referralId.toString().getBytes()), patientId,
                "03111111", referrerAgb, completedAt(),
                new ConsultReport(QUESTION, FINDINGS, Conclusion.CONFIRMS_POLICY, RECOMMENDATIONS, "specialist-03111111",
                        completedAt().minusSeconds(60)),
                patientObjects);
    }

    /** The nurse finds the referral not suitable, three hours after receipt. */
    IntakeRejected intakeRejected() {
        return new IntakeRejected(referralId, patientId, intakeCompletedAt(), "nurse.bakker",
                RejectionReason.NOT_A_SECOND_OPINION_QUESTION, REJECTION_EXPLANATION, referrerAgb);
    }

    /** The intake missed its deadline (24 hours after receipt). */
    IntakeOverdue intakeOverdue() {
        return new IntakeOverdue(referralId, patientId, receivedAt.plusSeconds(86_400),
                receivedAt.plusSeconds(86_400 + 60));
    }

    /** The referrer cancels the referral at {@code cancelledAt}, with ZorgDomein's reason code and text. */
    ReferralCancelled cancelled(Instant cancelledAt) {
        return cancelled(cancelledAt, "patient-withdrew", CANCELLATION_REASON);
    }

    ReferralCancelled cancelled(Instant cancelledAt, String reasonCode, String reasonText) {
        return new ReferralCancelled(referralId, zdNumber, "zd-cancel-" + referralId, cancelledAt, reasonCode,
                reasonText);
    }

    AuditRecorded audit(String service, String action, Instant at) {
        return new AuditRecorded(UUID.randomUUID(), at, service, action, patientId, referralId,
                "intake-case/" + referralId, "nurse.bakker", List.of("nurse"), null, "10.0.0.7", AuditOutcome.SUCCESS);
    }

    /** The four events in the order they happen. */
    List<EventEnvelope<ConsiliumEvent>> lifecycle() {
        return List.of(envelope(received(), receivedAt),
                envelope(intakeCompleted(), intakeCompletedAt()),
                envelope(scheduled(), scheduledAt()),
                envelope(completed(), completedAt()));
    }

    /** The envelope its producer would send, under a fresh event id. */
    static EventEnvelope<ConsiliumEvent> envelope(ConsiliumEvent data, Instant time) {
        String producer = EventType.of(data).owner();
        return EventEnvelope.of(data, producer.equals("*") ? "intake" : producer, time);
    }

    static EventEnvelope<ConsiliumEvent> envelope(ConsiliumEvent data) {
        return envelope(data, Instant.now());
    }

    static String json(EventEnvelope<?> envelope) {
        return EventCodec.encode(envelope);
    }

    /**
     * Sends the event with libs/platform's OutboxRelay's CloudEvents headers ({@code ce_id},
     * {@code ce_type}, {@code ce_specversion}) plus the {@code content-type:
     * application/cloudevents+json} another CloudEvents producer might add; consumers must still get
     * the envelope text (libs/platform switches SmallRye's CloudEvents handling off).
     */
    static void publishAsOutboxRelay(EventEnvelope<? extends ConsiliumEvent> envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(envelope.eventType().topic(),
                envelope.data().partitionKey(), EventCodec.encode(envelope));
        record.headers().add("ce_id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsiliumTestInfrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + record.topic(), e);
        }
    }
}
