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
import nl.consilium.events.referral.ReferralCancelled;
import nl.consilium.events.scheduling.ConsultScheduled;

/** Fictitious intakes, bookings and cancellations as intake, scheduling and the gateway publish them. */
final class ConsultFixtures {

    static final String GP_AGB = "01123456";
    static final String SMIT_AGB = "03111111";
    static final String SMIT_NAME = "Jeroen Smit";
    static final String MULDER_AGB = "03222222";
    static final String MULDER_NAME = "Eva Mulder";
    static final String QUESTION = "Is bypass surgery the right treatment?";
    static final Instant CANCELLED_AT = Instant.parse("2026-11-24T10:15:30Z");

    /** One referral's two halves. */
    record Referral(UUID referralId, UUID patientId) {

        static Referral fresh() {
            return new Referral(UUID.randomUUID(), UUID.randomUUID());
        }

        IntakeCompleted intake() {
            return intake(false);
        }

        IntakeCompleted intake(boolean patientObjectsToGpReport) {
            return new IntakeCompleted(referralId, patientId, Instant.parse("2026-11-23T10:00:00Z"), "nurse.bakker",
                    QUESTION, List.of(IntakeReason.DOUBT_ABOUT_TREATMENT), "cardiology", "Ziekenhuis Oost", "nl",
                    LocalDate.of(2026, 12, 7), patientObjectsToGpReport, GP_AGB,
                    new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001",
                            "p@example.org"));
        }

        ConsultScheduled booking() {
            return booking(SMIT_AGB, SMIT_NAME);
        }

        /** The referrer cancelled the referral, with ZorgDomein's reason code and (patient-related) text. */
        ReferralCancelled cancellation() {
            return cancellation(CANCELLED_AT, "patient-withdrew");
        }

        ReferralCancelled cancellation(Instant cancelledAt, String reasonCode) {
            return new ReferralCancelled(referralId, "ZD200000001", "zd-cancel-" + referralId, cancelledAt, reasonCode,
                    "Patiënt ziet af van de second opinion");
        }

        ConsultScheduled booking(String specialistAgb, String specialistName) {
            return new ConsultScheduled(referralId, UUID.randomUUID(), patientId, specialistAgb, specialistName,
                    "cardiology", Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T09:30:00Z"));
        }
    }

    static <T extends ConsiliumEvent> EventEnvelope<T> envelope(T data, String producer) {
        return EventEnvelope.of(data, producer, Instant.now());
    }

    private ConsultFixtures() {
    }
}
