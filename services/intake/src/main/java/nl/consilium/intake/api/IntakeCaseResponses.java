package nl.consilium.intake.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.intake.IntakeReason;
import nl.consilium.events.intake.RejectionReason;
import nl.consilium.intake.domain.AvailabilitySlot;
import nl.consilium.intake.domain.CallAttempt;
import nl.consilium.intake.domain.CallOutcome;
import nl.consilium.intake.domain.ClaimAction;
import nl.consilium.intake.domain.ClaimChange;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.intake.domain.ObjectionChange;
import nl.consilium.intake.domain.ReceivedAttachment;
import nl.consilium.intake.domain.ReferralDocument;
import nl.consilium.intake.domain.TransmuralAssessment;
import nl.consilium.intake.service.CaseView;
import nl.consilium.intake.service.ClaimView;
import nl.consilium.intake.service.DecisionReadiness;
import nl.consilium.intake.service.Dossier;
import nl.consilium.intake.service.WorklistPage;

/** What the intake API answers. Instants are ISO-8601 in UTC, dates ISO-8601, times {@code HH:mm}. */
public final class IntakeCaseResponses {

    private IntakeCaseResponses() {
    }

    /** A page of the worklist: its entries, the page number (from 0), its size, and the totals. */
    public record Worklist(List<WorklistEntry> items, int page, int size, long totalItems, long totalPages) {
        static Worklist of(WorklistPage page) {
            return new Worklist(page.entries().stream().map(WorklistEntry::of).toList(), page.page(), page.size(),
                    page.total(), page.totalPages());
        }
    }

    /**
     * A line of the worklist. {@code overdue} once the overdue job found the case undecided past
     * {@code intakeDueAt} (stays for the record); {@code claimedBy} null when nobody works on it;
     * {@code cancelledAt} set for a cancelled case.
     */
    public record WorklistEntry(UUID referralId, String zorgDomeinNumber, IntakeStatus status, long version,
            Instant receivedAt, Instant intakeDueAt, LocalDate consultDueOn, boolean overdue, Instant overdueAt,
            String patientName, String treatingSpecialty, String claimedBy, boolean letterReceived,
            boolean transmuralFlagged, Instant cancelledAt) {
        static WorklistEntry of(WorklistPage.Entry entry) {
            IntakeCase c = entry.intakeCase();
            return new WorklistEntry(c.referralId(), c.zorgDomeinNumber(), c.status(), c.version(), c.receivedAt(),
                    c.intakeDueAt(), c.consultDueOn(), c.overdueAt() != null, c.overdueAt(), c.patient().name(),
                    c.treatingSpecialty(), entry.claimedBy(), entry.letterReceived(), entry.transmuralFlagged(),
                    c.cancelledAt());
        }
    }

    public record Patient(UUID patientId, String name, LocalDate birthDate, String gender, String phone, String email) {
    }

    public record Referrer(String agb, String name, String organisation) {
    }

    /** The treating specialty, hospital and specialist as the referral named them. */
    public record Referral(String treatingSpecialty, String treatingHospital, String treatingSpecialist) {
    }

    /**
     * The gateway's transmural-agreement assessment from the referrer's questionnaire (DOMAIN.md §2):
     * {@code flaggedForIntake} asks the nurse to look, {@code reason} says why.
     */
    public record TransmuralAgreement(boolean flaggedForIntake, String reason, String situation,
            String expectedLetterAuthor, String conformity, boolean newReferral,
            boolean copyToFirstSpecialistRequired, Instant receivedAt) {
        static TransmuralAgreement of(ReferralDocument questionnaire) {
            TransmuralAssessment a = questionnaire.transmural();
            return new TransmuralAgreement(a.flaggedForIntake(), a.reason(), a.situation(), a.expectedLetterAuthor(),
                    a.conformity(), a.newReferral(), a.copyToFirstSpecialistRequired(), questionnaire.receivedAt());
        }
    }

    /** An attachment the gateway keeps; its bytes: {@code GET /api/referrals/{referralId}/attachments/{attachmentId}} there. */
    public record Attachment(UUID attachmentId, String title, String contentType, long size, String sha256) {
        static Attachment of(ReceivedAttachment a) {
            return new Attachment(a.attachmentId(), a.title(), a.contentType(), a.size(), a.sha256());
        }
    }

    /** A referral letter or supplement as it arrived, with its attachments described. */
    public record ReceivedDocument(String documentType, Instant receivedAt, List<Attachment> attachments) {
        static ReceivedDocument of(ReferralDocument d) {
            return new ReceivedDocument(d.documentType(), d.receivedAt(),
                    d.attachments().stream().map(Attachment::of).toList());
        }
    }

    /** The claim: who holds it since when, their last activity, when it goes stale, whether you hold it. */
    public record Claim(String claimedBy, Instant claimedAt, Instant lastActivityAt, Instant staleAt, boolean stale,
            boolean heldByYou) {
        static Claim of(ClaimView claim) {
            return claim == null ? null : new Claim(claim.claimedBy(), claim.claimedAt(), claim.lastActivityAt(),
                    claim.staleAt(), claim.stale(), claim.heldByCaller());
        }
    }

    /** One claim, take-over ({@code previousHolder} named) or release. */
    public record ClaimEvent(ClaimAction action, String nurse, String previousHolder, Instant at) {
        static ClaimEvent of(ClaimChange change) {
            return new ClaimEvent(change.action(), change.nurse(), change.previousHolder(), change.changedAt());
        }
    }

    public record CallAttemptResponse(UUID attemptId, Instant attemptedAt, String attemptedBy, CallOutcome outcome,
            Instant callBackAt) {
        static CallAttemptResponse of(CallAttempt a) {
            return new CallAttemptResponse(a.id(), a.attemptedAt(), a.attemptedBy(), a.outcome(), a.callBackAt());
        }
    }

    /** A window the patient can take the video call in: a day of the week, from and to ({@code HH:mm}, Amsterdam). */
    public record Availability(DayOfWeek day, @JsonFormat(pattern = "HH:mm") LocalTime from,
            @JsonFormat(pattern = "HH:mm") LocalTime to) {
        static Availability of(AvailabilitySlot slot) {
            return new Availability(slot.day(), slot.from(), slot.to());
        }
    }

    /** The intake record as the nurse saved it (the treating specialty and hospital start as the referral's). */
    public record IntakeRecord(String clarifiedQuestion, List<IntakeReason> reasons, String treatingSpecialist,
            String treatingSpecialistAgb, String treatingHospital, String treatingSpecialty, String focusArea,
            String preferredLanguage, List<Availability> availability, Instant savedAt, String savedBy,
            Boolean firstSpecialistCopyConfirmed) {
    }

    /** One recording or change of the objection; {@code afterDecision} when the case was decided then. */
    public record ObjectionEvent(boolean patientObjectsToGpReport, Instant changedAt, String changedBy,
            boolean afterDecision) {
        static ObjectionEvent of(ObjectionChange change) {
            return new ObjectionEvent(change.objects(), change.changedAt(), change.changedBy(), change.afterDecision());
        }
    }

    /**
     * The patient's objection to the report going to the GP: {@code patientObjectsToGpReport} is null until
     * it is recorded; {@code history} holds every recording and change, oldest first.
     */
    public record Objection(Boolean patientObjectsToGpReport, Instant recordedAt, String recordedBy,
            List<ObjectionEvent> history) {
    }

    /** Whether a suitable decision can be taken now, and which fields (API names) are missing. */
    public record Readiness(IntakeStatus status, boolean ready, List<String> missing) {
        static Readiness of(DecisionReadiness readiness) {
            return new Readiness(readiness.status(), readiness.ready(), readiness.missing());
        }
    }

    /** The nurse's decision; {@code rejectionReason} and {@code explanation} for an unsuitable case. */
    public record Decision(boolean suitable, Instant decidedAt, String decidedBy, RejectionReason rejectionReason,
            String explanation) {
    }

    /** The referrer's cancellation: when the gateway received it, and ZorgDomein's reason code and text. */
    public record Cancellation(Instant cancelledAt, String reasonCode, String reasonText) {
    }

    /** The case's dossier: the checklist of requested documents and the uploaded documents (described). */
    public record CaseDossier(List<Dossier.Item> items, List<Dossier.Document> documents) {
        static CaseDossier of(Dossier dossier) {
            return dossier == null ? new CaseDossier(List.of(), List.of())
                    : new CaseDossier(dossier.items(), dossier.documents());
        }
    }

    /**
     * One case in full, for the telephone intake. {@code version} is the value to send back (body
     * {@code version} or {@code If-Match}) with a change. {@code transmuralAgreement} is null until the
     * questionnaire arrived; {@code claim} null when nobody holds it; {@code decisionReadiness} null once
     * decided or cancelled; {@code decision} null until decided; {@code cancellation} null unless the
     * referrer cancelled the referral.
     */
    public record CaseDetails(UUID referralId, String zorgDomeinNumber, IntakeStatus status, long version,
            Instant receivedAt, Instant intakeDueAt, LocalDate consultDueOn, boolean overdue, Instant overdueAt,
            Patient patient, Referrer referrer, String requestedProduct, Referral referral,
            TransmuralAgreement transmuralAgreement, boolean letterReceived, List<ReceivedDocument> letters,
            List<ReceivedDocument> supplements, Claim claim, List<ClaimEvent> claimHistory,
            List<CallAttemptResponse> callAttempts, IntakeRecord intake, Objection objection,
            Readiness decisionReadiness, Decision decision, Cancellation cancellation, CaseDossier dossier) {

        static CaseDetails of(CaseView view, Dossier dossier) {
            IntakeCase c = view.intakeCase();
            var p = c.patient();
            List<ReferralDocument> letters = view.documents().stream().filter(ReferralDocument::isLetter).toList();
            List<ReferralDocument> supplements = view.documents().stream()
                    .filter(d -> !d.isLetter() && !d.isQuestionnaire()).toList();
            TransmuralAgreement transmural = view.documents().stream()
                    .filter(d -> d.transmural() != null)
                    .reduce((first, second) -> second) // the latest questionnaire counts
                    .map(TransmuralAgreement::of).orElse(null);
            IntakeRecord intake = new IntakeRecord(c.clarifiedQuestion(), c.reasons(), c.treatingSpecialist(),
                    c.treatingSpecialistAgb(), c.treatingHospital(), c.treatingSpecialty(), c.focusArea(),
                    c.preferredLanguage(), view.availability().stream().map(Availability::of).toList(),
                    c.intakeSavedAt(), c.intakeSavedBy(), c.firstSpecialistCopyConfirmed());
            Objection objection = new Objection(c.objectionRecorded() ? c.patientObjectsToGpReport() : null,
                    c.objectionRecordedAt(), c.objectionRecordedBy(),
                    view.objectionHistory().stream().map(ObjectionEvent::of).toList());
            Decision decision = !c.decided() ? null
                    : new Decision(c.rejectionReason() == null, c.decidedAt(), c.decidedBy(), c.rejectionReason(),
                            c.rejectionExplanation());
            return new CaseDetails(c.referralId(), c.zorgDomeinNumber(), c.status(), c.version(), c.receivedAt(),
                    c.intakeDueAt(), c.consultDueOn(), c.overdueAt() != null, c.overdueAt(),
                    new Patient(c.patientId(), p.name(), p.birthDate(), p.gender(), p.phone(), p.email()),
                    new Referrer(c.referrerAgb(), c.referrerName(), c.referrerOrganisation()), c.requestedProduct(),
                    new Referral(c.referredTreatingSpecialty(), c.referredTreatingHospital(),
                            c.referredTreatingSpecialist()),
                    transmural, !letters.isEmpty(), letters.stream().map(ReceivedDocument::of).toList(),
                    supplements.stream().map(ReceivedDocument::of).toList(), Claim.of(view.claim()),
                    view.claimHistory().stream().map(ClaimEvent::of).toList(),
                    view.callAttempts().stream().map(CallAttemptResponse::of).toList(), intake, objection,
                    c.isOpen() ? new Readiness(c.status(), view.missingForSuitable().isEmpty(),
                            view.missingForSuitable()) : null,
                    decision,
                    c.cancelledAt() == null ? null : new Cancellation(c.cancelledAt(), c.cancellationReasonCode(),
                            c.cancellationReasonText()),
                    CaseDossier.of(dossier));
        }
    }
}
