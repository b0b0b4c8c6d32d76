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
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReport;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.referral.DocumentAttachment;
import nl.consilium.events.referral.QuestionnaireAnswers;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralReceived;
import nl.consilium.events.referral.ReferralSupplemented;
import nl.consilium.events.referral.TransmuralAgreementAssessment;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;
import nl.consilium.events.scheduling.MatchingFailed;
import nl.consilium.events.scheduling.MatchingFailureReason;
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
                new PatientDetails(PATIENT_NAME, LocalDate.of(1970, 1, 31), "male", "+31600000001", "p@example.org"),
                new Referrer(referrerAgb, "H. Jansen", "Praktijk Jansen"), "SECOND_OPINION", "cardiology",
                "Ziekenhuis Oost", "Dr. P. Visser");
    }

    IntakeCompleted intakeCompleted() {
        return new IntakeCompleted(referralId, patientId, intakeCompletedAt(), "nurse.bakker", QUESTION,
                List.of(IntakeReason.DOUBT_ABOUT_TREATMENT), "cardiology", "Ziekenhuis Oost", "nl",
                LocalDate.of(2026, 12, 7), patientObjects, referrerAgb,
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001", null));
    }

    /** The intake, recording whether the GP's copy to the first specialist was confirmed. */
    IntakeCompleted intakeCompleted(Boolean copyConfirmed) {
        IntakeCompleted i = intakeCompleted();
        return new IntakeCompleted(i.referralId(), i.patientId(), i.completedAt(), i.completedBy(),
                i.clarifiedQuestion(), i.reasons(), i.specialty(), i.treatingHospital(), i.preferredLanguage(),
                i.consultDueOn(), i.patientObjectsToGpReport(), i.referrerAgb(), i.patient(), null, null, null,
                List.of(), null, copyConfirmed);
    }

    ConsultScheduled scheduled() {
        return new ConsultScheduled(referralId, UUID.nameUUIDFromBytes(referralId.toString().getBytes()), patientId,
                "03111111", SPECIALIST, "cardiology", consultStartsAt(), consultStartsAt().plusSeconds(1800));
    }

    ConsultCompleted completed() {
        return completed(completedAt());
    }

    /** The consult is completed, its report signed a minute before, at {@code completedAt}. */
    ConsultCompleted completed(Instant completedAt) {
        return new ConsultCompleted(referralId, UUID.nameUUIDFromBytes(referralId.toString().getBytes()), patientId,
                "03111111", referrerAgb, completedAt,
                new ConsultReport(QUESTION, FINDINGS, Conclusion.CONFIRMS_POLICY, RECOMMENDATIONS, "specialist-03111111",
                        completedAt.minusSeconds(60)),
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

    static final String PATIENT_NAME = "P. Testpatiënt";
    static final String SECOND_SPECIALIST = "Anna de Vries";

    /** The referral letter (a PDF, described) arrives an hour after the appointment request. */
    ReferralLetterReceived letterReceived() {
        return new ReferralLetterReceived(referralId, zdNumber, "zd-letter-" + referralId, receivedAt.plusSeconds(3600),
                List.of(new DocumentAttachment(UUID.nameUUIDFromBytes(("letter" + referralId).getBytes()),
                        "Verwijsbrief", "application/pdf", 1234, "ab".repeat(32))));
    }

    /**
     * The questionnaire (half an hour after receipt): under treatment no more, same complaints, will
     * not return; the gateway's assessment says row 3 (copy to the first specialist) or row 2c.
     */
    ReferralSupplemented questionnaire(boolean copyToFirstSpecialistRequired) {
        TransmuralAgreementAssessment assessment = copyToFirstSpecialistRequired
                ? new TransmuralAgreementAssessment("3", "GP", true, true, "CONFORMS", false,
                        "No longer under treatment: new referral, copy of the letter to the first specialist")
                : new TransmuralAgreementAssessment("2c", "GP", true, false, "CONFORMS", false,
                        "Not satisfied, will not return, no consultation: new referral");
        return new ReferralSupplemented(referralId, zdNumber, "zd-questionnaire-" + referralId,
                ReferralSupplemented.QUESTIONNAIRE, receivedAt.plusSeconds(1800), List.of(),
                new QuestionnaireAnswers(!copyToFirstSpecialistRequired, false, false, false,
                        List.of("DIAGNOSIS_DOUBT"), null, assessment));
    }

    /** The consult of {@link #scheduled()} moves a day on, to another specialist, at {@code requestedBy}'s request. */
    ConsultRescheduled rescheduled(String requestedBy) {
        return new ConsultRescheduled(referralId, consultId(), patientId, "03222222", SECOND_SPECIALIST, "cardiology",
                movedStartsAt(), movedStartsAt().plusSeconds(1800), requestedBy, "03111111", consultStartsAt(),
                rescheduledAt());
    }

    Instant rescheduledAt() {
        return receivedAt.plusSeconds(86_400);
    }

    Instant movedStartsAt() {
        return consultStartsAt().plusSeconds(86_400);
    }

    /** The booked consult of {@link #scheduled()} is cancelled a day after receipt by {@code cancelledBy}. */
    ConsultCancelled consultCancelled(String cancelledBy) {
        return new ConsultCancelled(referralId, consultId(), patientId, "03111111", consultStartsAt(), cancelledBy,
                "Patiënt is verhinderd", consultCancelledAt());
    }

    Instant consultCancelledAt() {
        return receivedAt.plusSeconds(86_400);
    }

    /** A second booking after a cancellation: another consult, two days after receipt, starting a day later. */
    ConsultScheduled rebooked() {
        return new ConsultScheduled(referralId, UUID.nameUUIDFromBytes((referralId + "-2").getBytes()), patientId,
                "03222222", SECOND_SPECIALIST, "cardiology", movedStartsAt(), movedStartsAt().plusSeconds(1800),
                "COORDINATOR", false);
    }

    Instant rebookedAt() {
        return receivedAt.plusSeconds(2 * 86_400);
    }

    /** Matching finds no independent specialist, right after the intake. */
    MatchingFailed matchingFailed() {
        return new MatchingFailed(referralId, patientId, "cardiology", LocalDate.of(2026, 12, 7),
                MatchingFailureReason.NO_INDEPENDENT_SPECIALIST, intakeCompletedAt().plusSeconds(5));
    }

    static final String ADDENDUM = "Aanvulling: de echo van 20 november bevestigt de bevinding.";

    /** The nurse records that the patient (no longer) objects, at {@code at}. */
    PatientObjectionChanged objectionChanged(boolean objects, Instant at) {
        return new PatientObjectionChanged(referralId, patientId, objects, at, "nurse.bakker");
    }

    /** The patient does not show up for the consult of {@link #scheduled()}; noticed three quarters of an hour in. */
    ConsultNoShow noShow() {
        return new ConsultNoShow(referralId, consultId(), patientId, "03111111", consultStartsAt(), noShowAt(), 1);
    }

    Instant noShowAt() {
        return consultStartsAt().plusSeconds(2700);
    }

    /** The first addendum to the report, a day after it was final. */
    ConsultReportAmended amended() {
        return new ConsultReportAmended(referralId, consultId(), patientId, referrerAgb, 1, ADDENDUM,
                "specialist-03111111", SPECIALIST, amendedAt(), patientObjects);
    }

    Instant amendedAt() {
        return completedAt().plusSeconds(86_400);
    }

    UUID consultId() {
        return UUID.nameUUIDFromBytes(referralId.toString().getBytes());
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
