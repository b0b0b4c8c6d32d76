package nl.consilium.reporting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.consult.Conclusion;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.reporting.domain.Milestone;
import nl.consilium.reporting.domain.ReferralOverview;
import nl.consilium.reporting.domain.ReferralStatus;
import nl.consilium.reporting.domain.TimelineMilestone;
import nl.consilium.reporting.service.ReportContent;

/**
 * What the GP's API answers. The list and the status carry no report text; only the report does,
 * and a withheld report shows only that it exists and is withheld.
 */
public final class GpReferralResponses {

    private GpReferralResponses() {
    }

    /** The GP's cancellation of the referral: when it was received, and the reason code and text given. */
    public record Cancellation(Instant cancelledAt, String reasonCode, String reasonText) {
        static Cancellation of(ReferralOverview r) {
            return r.cancelledAt() == null ? null
                    : new Cancellation(r.cancelledAt(), r.cancellationReasonCode(), r.cancellationReasonText());
        }
    }

    /**
     * The intake nurse's finding that the referral does not suit a digital second opinion: when, the
     * reason from the fixed list, and the nurse's explanation for the GP.
     */
    public record IntakeRejection(Instant rejectedAt, RejectionReason reason, String explanation) {
        static IntakeRejection of(ReferralOverview r) {
            return r.intakeRejectedAt() == null ? null
                    : new IntakeRejection(r.intakeRejectedAt(), r.intakeRejectionReason(),
                            r.intakeRejectionExplanation());
        }
    }

    /**
     * The date of each step so far (null until it happened): receipt, the intake decision (completed or
     * rejected), the first booking ({@code plannedAt}), the consult booked now, the consult held, the
     * report final (available or withheld), the cancellation.
     */
    public record StepDates(Instant receivedAt, Instant intakeCompletedAt, Instant intakeRejectedAt, Instant plannedAt,
            Instant consultStartsAt, Instant consultedAt, Instant reportedAt, Instant cancelledAt) {
        static StepDates of(ReferralOverview r) {
            return new StepDates(r.receivedAt(), r.intakeCompletedAt(), r.intakeRejectedAt(), r.firstScheduledAt(),
                    r.consultStartsAt(), r.consultedAt(), r.reportedAt(), r.cancelledAt());
        }
    }

    /**
     * Whether a final report exists, and whether it is withheld at the patient's request (then the GP
     * gets nothing of it, in any format; {@code withheld} is already true when the patient objected
     * at the intake, before the report exists).
     */
    public record ReportState(boolean exists, boolean withheld, Instant finalAt) {
        static ReportState of(ReferralOverview r) {
            return new ReportState(r.hasFinalReport(), r.patientObjectsToGpReport(), r.reportedAt());
        }
    }

    /**
     * The transmural agreement's copy of the referral letter to the first specialist (Treant agreement,
     * row 3), from the referral's questionnaire: whether it is required, and whether the intake nurse
     * confirmed it was sent ({@code IntakeCompleted.firstSpecialistCopyConfirmed}; null: not recorded
     * yet). Null as a whole while no questionnaire arrived.
     */
    public record TransmuralCopy(boolean required, Boolean confirmed, String situation, Instant assessedAt) {
        static TransmuralCopy of(ReferralOverview r) {
            return r.copyToFirstSpecialistRequired() == null ? null
                    : new TransmuralCopy(r.copyToFirstSpecialistRequired(), r.copyToFirstSpecialistConfirmed(),
                            r.transmuralSituation(),
                            r.questionnaireReceivedAt());
        }
    }

    /** A line of the GP's list of own referrals; {@code cancellation} is null unless it was cancelled. */
    public record ReferralSummary(UUID referralId, String zorgDomeinNumber, ReferralStatus status, Instant receivedAt,
            LocalDate consultDueOn, Instant consultStartsAt, String specialistName, Cancellation cancellation,
            IntakeRejection intakeRejection, StepDates dates, ReportState report, TransmuralCopy transmuralCopy) {
        static ReferralSummary of(ReferralOverview r) {
            return new ReferralSummary(r.referralId(), r.zorgDomeinNumber(), r.status(), r.receivedAt(),
                    r.consultDueOn(), r.consultStartsAt(), r.specialistName(), Cancellation.of(r),
                    IntakeRejection.of(r), StepDates.of(r), ReportState.of(r), TransmuralCopy.of(r));
        }
    }

    /** One step of the timeline, with a short note (who, which slot; never medical content) or null. */
    public record TimelineEntry(TimelineMilestone milestone, Instant at, String detail) {
        static TimelineEntry of(Milestone m) {
            return new TimelineEntry(m.milestone(), m.at(), m.detail());
        }
    }

    /** One referral's status and timeline; {@code cancellation} is null unless it was cancelled. */
    public record ReferralStatusView(UUID referralId, String zorgDomeinNumber, ReferralStatus status,
            Instant receivedAt, Instant intakeCompletedAt, LocalDate consultDueOn, String specialistName,
            Instant consultStartsAt, Instant completedAt, Cancellation cancellation, IntakeRejection intakeRejection,
            StepDates dates, ReportState report, TransmuralCopy transmuralCopy, List<TimelineEntry> timeline) {
        static ReferralStatusView of(ReferralOverview r) {
            return new ReferralStatusView(r.referralId(), r.zorgDomeinNumber(), r.status(), r.receivedAt(),
                    r.intakeCompletedAt(), r.consultDueOn(), r.specialistName(), r.consultStartsAt(), r.completedAt(),
                    Cancellation.of(r), IntakeRejection.of(r), StepDates.of(r), ReportState.of(r),
                    TransmuralCopy.of(r), r.timeline().stream().map(TimelineEntry::of).toList());
        }
    }

    /**
     * The specialist's signed report, as the GP reads it: {@code specialistName} is the signer's name
     * (as signed, else the booked specialist's), {@code addenda} the signed additions in their order.
     */
    public record ConsultReportView(UUID referralId, String question, String findings, Conclusion conclusion,
            String recommendations, String freeText, String signedBy, String signedByName, Instant signedAt,
            String specialistName, Instant completedAt, List<AddendumView> addenda) {
        static ConsultReportView of(ReportContent r) {
            return new ConsultReportView(r.referralId(), r.question(), r.findings(), r.conclusion(),
                    r.recommendations(), r.freeText(), r.signedBy(), r.signedByName(), r.signedAt(),
                    r.specialistName(), r.completedAt(), r.addenda().stream().map(AddendumView::of).toList());
        }
    }

    /** A signed addendum to the report. */
    public record AddendumView(int sequence, String text, String signedBy, String signedByName, Instant signedAt) {
        static AddendumView of(ReportContent.Addendum a) {
            return new AddendumView(a.sequence(), a.text(), a.signedBy(), a.signedByName(), a.signedAt());
        }
    }
}
