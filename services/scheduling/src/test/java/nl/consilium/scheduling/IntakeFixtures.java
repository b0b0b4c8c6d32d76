package nl.consilium.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.consilium.events.EventCodec;
import nl.consilium.events.EventEnvelope;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.calendar.WorkingDayCalendar;
import nl.consilium.events.intake.AvailabilityWindow;
import nl.consilium.events.intake.IntakeCompleted;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.referral.ReferralCancelled;

/**
 * Fictitious IntakeCompleted events as intake publishes them, each in a week of its own, and the
 * gateway's ReferralCancelled.
 */
final class IntakeFixtures {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String SMIT = "03111111";      // cardiology, Ziekenhuis West; focus area heart failure
    static final String MULDER = "03222222";    // cardiology, Ziekenhuis Noord; focus area arrhythmia
    static final String DEKKER = "03333333";    // orthopaedics, Ziekenhuis West
    static final String WEST = "Ziekenhuis West";
    static final String NOORD = "Ziekenhuis Noord";
    static final String OOST = "Ziekenhuis Oost";

    /** Weeks handed out so far; every test books in weeks no other test uses (all in the future). */
    private static final AtomicInteger WEEKS = new AtomicInteger();
    private static final LocalDate FIRST_FRIDAY = LocalDate.of(2031, 1, 3);
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.dutch();

    /**
     * Friday 08:00 in Amsterdam of a fresh week without holidays from that Friday to the next: with the
     * lead time of one working day (Monday 08:00) the first slot of the demo specialists is the Monday
     * after, 09:00.
     */
    static Instant freshFriday() {
        while (true) {
            LocalDate friday = FIRST_FRIDAY.plusWeeks(WEEKS.getAndIncrement());
            boolean ordinary = friday.datesUntil(friday.plusDays(8))
                    .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                    .allMatch(CALENDAR::isWorkingDay);
            if (ordinary) {
                return friday.atTime(8, 0).atZone(AMSTERDAM).toInstant();
            }
        }
    }

    /** The Amsterdam date of an instant. */
    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, AMSTERDAM);
    }

    /** The Monday after {@code friday} at {@code time}, Amsterdam time. */
    static Instant mondayAfter(Instant friday, LocalTime time) {
        return LocalDate.ofInstant(friday, AMSTERDAM).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(time)
                .atZone(AMSTERDAM).toInstant();
    }

    static IntakeCompleted intake(String specialty, String treatingHospital, Instant completedAt) {
        return intake(specialty, treatingHospital, completedAt, LocalDate.ofInstant(completedAt, AMSTERDAM).plusDays(14));
    }

    static IntakeCompleted intake(String specialty, String treatingHospital, Instant completedAt, LocalDate dueOn) {
        return new IntakeCompleted(UUID.randomUUID(), UUID.randomUUID(), completedAt, "nurse.bakker",
                "Is bypass surgery the right treatment?", List.of(IntakeReason.DOUBT_ABOUT_TREATMENT), specialty,
                treatingHospital, "nl", dueOn, false, "01123456",
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001",
                        "p@example.org"));
    }

    /** An intake with the optional fields of issue 4 and 5: language, focus area, treating specialist, availability. */
    static IntakeCompleted intake(String specialty, String treatingHospital, Instant completedAt, LocalDate dueOn,
            String language, String focusArea, String treatingSpecialistAgb, List<AvailabilityWindow> availability) {
        return new IntakeCompleted(UUID.randomUUID(), UUID.randomUUID(), completedAt, "nurse.bakker",
                "Is bypass surgery the right treatment?", List.of(IntakeReason.DOUBT_ABOUT_TREATMENT), specialty,
                treatingHospital, language, dueOn, false, "01123456",
                new PatientDetails("P. Testpatiënt", LocalDate.of(1970, 1, 31), "male", "+31600000001",
                        "p@example.org"), treatingSpecialistAgb == null ? null : "Dr. Behandelaar",
                treatingSpecialistAgb, focusArea, availability, null);
    }

    static EventEnvelope<IntakeCompleted> envelope(IntakeCompleted intake) {
        return EventEnvelope.of(intake, "intake", Instant.now());
    }

    static String json(EventEnvelope<?> envelope) {
        return EventCodec.encode(envelope);
    }

    /** The referrer cancelled the referral, with ZorgDomein's reason code and (patient-related) text. */
    static ReferralCancelled cancellation(UUID referralId, Instant cancelledAt) {
        return new ReferralCancelled(referralId, "ZD200000001", "zd-cancel-" + referralId, cancelledAt,
                "patient-withdrew", "Patiënt ziet af van de second opinion");
    }

    static EventEnvelope<ReferralCancelled> envelope(ReferralCancelled cancelled) {
        return EventEnvelope.of(cancelled, "referral-gateway", Instant.now());
    }

    private IntakeFixtures() {
    }
}
