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

/** What the GP's API answers. The list and the status carry no report text; only the report does. */
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

    /** A line of the GP's list of own referrals; {@code cancellation} is null unless it was cancelled. */
    public record ReferralSummary(UUID referralId, String zorgDomeinNumber, ReferralStatus status, Instant receivedAt,
            LocalDate consultDueOn, Instant consultStartsAt, String specialistName, Cancellation cancellation,
            IntakeRejection intakeRejection) {
        static ReferralSummary of(ReferralOverview r) {
            return new ReferralSummary(r.referralId(), r.zorgDomeinNumber(), r.status(), r.receivedAt(),
                    r.consultDueOn(), r.consultStartsAt(), r.specialistName(), Cancellation.of(r),
                    IntakeRejection.of(r));
        }
    }

    /** One step of the timeline. */
    public record TimelineEntry(ReferralStatus milestone, Instant at) {
        static TimelineEntry of(Milestone m) {
            return new TimelineEntry(m.milestone(), m.at());
        }
    }

    /** One referral's status and timeline; {@code cancellation} is null unless it was cancelled. */
    public record ReferralStatusView(UUID referralId, String zorgDomeinNumber, ReferralStatus status,
            Instant receivedAt, Instant intakeCompletedAt, LocalDate consultDueOn, String specialistName,
            Instant consultStartsAt, Instant completedAt, Cancellation cancellation, IntakeRejection intakeRejection,
            List<TimelineEntry> timeline) {
        static ReferralStatusView of(ReferralOverview r) {
            return new ReferralStatusView(r.referralId(), r.zorgDomeinNumber(), r.status(), r.receivedAt(),
                    r.intakeCompletedAt(), r.consultDueOn(), r.specialistName(), r.consultStartsAt(), r.completedAt(),
                    Cancellation.of(r), IntakeRejection.of(r), r.timeline().stream().map(TimelineEntry::of).toList());
        }
    }

    /** The specialist's signed report, as the GP reads it. */
    public record ConsultReportView(UUID referralId, String question, String findings, Conclusion conclusion,
            String recommendations, String signedBy, Instant signedAt, String specialistName, Instant completedAt) {
        static ConsultReportView of(ReferralOverview r) {
            return new ConsultReportView(r.referralId(), r.reportQuestion(), r.reportFindings(), r.reportConclusion(),
                    r.reportRecommendations(), r.reportSignedBy(), r.reportSignedAt(), r.specialistName(),
                    r.completedAt());
        }
    }
}
