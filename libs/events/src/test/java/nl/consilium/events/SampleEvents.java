package nl.consilium.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.audit.AuditRecorded;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.consult.ConsultCompleted;
import nl.consilium.events.consult.ConsultNoShow;
import nl.consilium.events.consult.ConsultReportAmended;
import nl.consilium.events.consult.ConsultReport;
import java.time.DayOfWeek;
import java.time.LocalTime;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.intake.DossierDocumentAdded;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeOverdue;
import nl.consilium.events.intake.IntakeRejected;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.events.intake.IntakeReason;
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

/** One fixed, fictitious instance of every event type, for the wire-format tests. */
final class SampleEvents {

    static final UUID REFERRAL = UUID.fromString("7d5c3e0a-1b2c-4d3e-8f40-5a6b7c8d9e01");
    static final UUID PATIENT = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    static final UUID CONSULT = UUID.fromString("c0c0c0c0-1111-4222-8333-444455556666");
    static final UUID EVENT_ID = UUID.fromString("e0e0e0e0-aaaa-4bbb-8ccc-dddddddddddd");
    static final Instant TIME = Instant.parse("2026-11-23T09:15:30Z");
    static final PatientDetails PATIENT_DETAILS = new PatientDetails("J. Testpersoon",
            LocalDate.of(1961, 4, 2), "female", "+31612345678", "j.testpersoon@example.org");

    static final DocumentAttachment ATTACHMENT = new DocumentAttachment(
            UUID.fromString("a0a0a0a0-1111-4222-8333-444455556666"), "Verwijsbrief", "application/pdf", 18234,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    static final Map<EventType, ConsiliumEvent> ALL = pairs(
            EventType.REFERRAL_RECEIVED, new ReferralReceived(REFERRAL, "ZD12345678", TIME, PATIENT, PATIENT_DETAILS,
                    new Referrer("01123456", "H. Jansen", "Huisartsenpraktijk Jansen"), "SECOND_OPINION",
                    "cardiology", "Ziekenhuis Oost", "Dr. P. Visser"),
            EventType.REFERRAL_LETTER_RECEIVED, new ReferralLetterReceived(REFERRAL, "ZD12345678", "zd-letter-1",
                    TIME, List.of(ATTACHMENT)),
            EventType.REFERRAL_SUPPLEMENTED, new ReferralSupplemented(REFERRAL, "ZD12345678", "zd-questionnaire-1",
                    ReferralSupplemented.QUESTIONNAIRE, TIME, List.of(), new QuestionnaireAnswers(true, false, false,
                            true, List.of("diagnosis-doubt"), "Complaints persist.",
                            new TransmuralAgreementAssessment("2b", "GP", false, false, "CONFORMS", false,
                                    "GP should refer"))),
            EventType.REFERRAL_CANCELLED, new ReferralCancelled(REFERRAL, "ZD12345678", "zd-cancel-1", TIME,
                    "patient-withdrew", "The patient no longer wants a second opinion"),
            EventType.INTAKE_COMPLETED, new IntakeCompleted(REFERRAL, PATIENT, TIME, "nurse-subject",
                    "Is bypass surgery the right treatment?", List.of(IntakeReason.SURGERY_DECISION, IntakeReason.TREATMENT_OPTIONS), "cardiology",
                    "Ziekenhuis Oost", "nl", LocalDate.of(2026, 12, 7), false, "01123456", PATIENT_DETAILS, "Dr. P. Visser", "03987654", "coronary artery disease",
                    List.of(new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
                    Instant.parse("2026-11-24T09:15:30Z"), true),
            EventType.CONSULT_SCHEDULED, new ConsultScheduled(REFERRAL, CONSULT, PATIENT, "03111111", "Dr. A. Smit",
                    "cardiology", Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T09:30:00Z"), "MATCHING", false),
            EventType.CONSULT_RESCHEDULED, new ConsultRescheduled(REFERRAL, CONSULT, PATIENT, "03222222", "Dr. B. Mulder",
                    "cardiology", Instant.parse("2026-11-26T13:00:00Z"), Instant.parse("2026-11-26T13:30:00Z"),
                    "PATIENT", "03111111", Instant.parse("2026-11-25T09:00:00Z"), TIME),
            EventType.CONSULT_CANCELLED, new ConsultCancelled(REFERRAL, CONSULT, PATIENT, "03111111",
                    Instant.parse("2026-11-25T09:00:00Z"), "SPECIALIST", "Illness", TIME),
            EventType.MATCHING_FAILED, new MatchingFailed(REFERRAL, PATIENT, "cardiology", LocalDate.of(2026, 12, 7),
                    MatchingFailureReason.NONE_BEFORE_DEADLINE, TIME),
            EventType.CONSULT_COMPLETED, new ConsultCompleted(REFERRAL, CONSULT, PATIENT, "03111111", "01123456", TIME,
                    new ConsultReport("Is bypass surgery the right treatment?", "Findings.", Conclusion.CONFIRMS_POLICY,
                            "Proceed as planned.", "Dr. A. Smit", TIME, "No further remarks.", "Dr. A. Smit"), false),
            EventType.INTAKE_REJECTED, new IntakeRejected(REFERRAL, PATIENT, TIME, "nurse-subject",
                    RejectionReason.NOT_A_SECOND_OPINION_QUESTION, "Wants treatment here.", "01123456"),
            EventType.INTAKE_OVERDUE, new IntakeOverdue(REFERRAL, PATIENT, Instant.parse("2026-11-24T09:15:30Z"),
                    Instant.parse("2026-11-24T09:16:00Z")),
            EventType.DOSSIER_DOCUMENT_ADDED, new DossierDocumentAdded(REFERRAL, PATIENT, ATTACHMENT.attachmentId(),
                    "Ontslagbrief cardiologie", "application/pdf", 18234, ATTACHMENT.sha256(), TIME),
            EventType.PATIENT_OBJECTION_CHANGED, new PatientObjectionChanged(REFERRAL, PATIENT, true, TIME,
                    "nurse-subject"),
            EventType.CONSULT_REPORT_AMENDED, new ConsultReportAmended(REFERRAL, CONSULT, PATIENT, "01123456", 1,
                    "Correction: LAD, not RCA.", "specialist-subject", "Dr. A. Smit", TIME, false),
            EventType.CONSULT_NO_SHOW, new ConsultNoShow(REFERRAL, CONSULT, PATIENT, "03111111",
                    Instant.parse("2026-11-25T09:00:00Z"), TIME, 1),
            EventType.AUDIT_RECORDED, new AuditRecorded(EVENT_ID, TIME, "intake", "intake.read", PATIENT, REFERRAL,
                    "IntakeCase/" + REFERRAL, "user-subject", List.of("nurse"), null, "192.0.2.10",
                    AuditOutcome.SUCCESS));

    /** An EnumMap from alternating type, event arguments (Map.of stops at ten pairs). */
    private static Map<EventType, ConsiliumEvent> pairs(Object... typeThenEvent) {
        Map<EventType, ConsiliumEvent> map = new java.util.EnumMap<>(EventType.class);
        for (int i = 0; i < typeThenEvent.length; i += 2) {
            map.put((EventType) typeThenEvent[i], (ConsiliumEvent) typeThenEvent[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    static EventEnvelope<ConsiliumEvent> envelope(EventType type) {
        ConsiliumEvent data = ALL.get(type);
        return new EventEnvelope<>(EventEnvelope.SPEC_VERSION, EVENT_ID, type.wireName(), "/consilium/test",
                REFERRAL.toString(), TIME, EventEnvelope.CONTENT_TYPE, data);
    }

    private SampleEvents() {
    }
}
