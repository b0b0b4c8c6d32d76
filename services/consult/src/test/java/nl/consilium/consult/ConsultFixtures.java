package nl.consilium.consult;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.PatientObjectionChanged;
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultCancelled;
import nl.consilium.events.scheduling.ConsultRescheduled;
import nl.consilium.events.scheduling.ConsultScheduled;

/** Fictitious intakes, bookings and cancellations as intake, scheduling and the gateway publish them. */
final class ConsultFixtures {

    static final String GP_AGB = "01123456";
    static final String SMIT_AGB = "03111111";
    static final String SMIT_NAME = "Jeroen Smit";
    static final String MULDER_AGB = "03222222";
    static final String MULDER_NAME = "Eva Mulder";
    static final String SPECIALTY = "cardiology";
    static final String QUESTION = "Is bypass surgery the right treatment?";
    static final String PATIENT_NAME = "P. Testpatiënt";
    static final Instant CANCELLED_AT = Instant.parse("2026-11-24T10:15:30Z");
    /** 10:00 in Amsterdam (CET, winter time). */
    static final Instant STARTS_AT = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant ENDS_AT = Instant.parse("2026-11-25T09:30:00Z");

    /** One referral's events. The patient's email address is the referral's own, so each test has its own mailbox. */
    record Referral(UUID referralId, UUID patientId, UUID consultId) {

        Referral(UUID referralId, UUID patientId) {
            this(referralId, patientId, UUID.randomUUID());
        }

        static Referral fresh() {
            return new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }

        String email() {
            return "patient-" + referralId + "@example.org";
        }

        IntakeCompleted intake() {
            return intake(false);
        }

        IntakeCompleted intake(boolean patientObjectsToGpReport) {
            return intake(patientObjectsToGpReport, "nl", email());
        }

        IntakeCompleted intake(boolean patientObjectsToGpReport, String preferredLanguage, String email) {
            return new IntakeCompleted(referralId, patientId, Instant.parse("2026-11-23T10:00:00Z"), "nurse.bakker",
                    QUESTION, List.of(IntakeReason.DOUBT_ABOUT_TREATMENT, IntakeReason.SURGERY_DECISION), SPECIALTY,
                    "Ziekenhuis Oost", preferredLanguage, LocalDate.of(2026, 12, 7), patientObjectsToGpReport, GP_AGB,
                    new PatientDetails(PATIENT_NAME, LocalDate.of(1970, 1, 31), "male", "+31600000001", email),
                    "Dr. P. Visser", "03999999", null, List.of(), null);
        }

        PatientObjectionChanged objection(boolean objects, Instant at) {
            return new PatientObjectionChanged(referralId, patientId, objects, at, "nurse.bakker");
        }

        ConsultScheduled booking() {
            return booking(SMIT_AGB, SMIT_NAME);
        }

        ConsultScheduled booking(String specialistAgb, String specialistName) {
            return booking(specialistAgb, specialistName, STARTS_AT, ENDS_AT);
        }

        ConsultScheduled booking(String specialistAgb, String specialistName, Instant startsAt, Instant endsAt) {
            return new ConsultScheduled(referralId, consultId, patientId, specialistAgb, specialistName, SPECIALTY,
                    startsAt, endsAt, "MATCHING", false);
        }

        ConsultRescheduled moved(String specialistAgb, String specialistName, Instant startsAt, Instant previousStart,
                String previousAgb) {
            return new ConsultRescheduled(referralId, consultId, patientId, specialistAgb, specialistName, SPECIALTY,
                    startsAt, startsAt.plusSeconds(1800), "PATIENT", previousAgb, previousStart,
                    Instant.parse("2026-11-24T08:00:00Z"));
        }

        ConsultCancelled consultCancelled(String by, Instant startsAt) {
            return new ConsultCancelled(referralId, consultId, patientId, SMIT_AGB, startsAt, by,
                    "Patiënt is ziek (vrije tekst)", Instant.parse("2026-11-24T09:00:00Z"));
        }

        /** The referrer cancelled the referral, with ZorgDomein's reason code and (patient-related) text. */
        ReferralCancelled cancellation() {
            return cancellation(CANCELLED_AT, "patient-withdrew");
        }

        ReferralCancelled cancellation(Instant cancelledAt, String reasonCode) {
            return new ReferralCancelled(referralId, "ZD200000001", "zd-cancel-" + referralId, cancelledAt, reasonCode,
                    "Patiënt ziet af van de second opinion");
        }
    }

    static <T extends ConsiliumEvent> EventEnvelope<T> envelope(T data, String producer) {
        return EventEnvelope.of(data, producer, Instant.now());
    }

    private ConsultFixtures() {
    }
}
