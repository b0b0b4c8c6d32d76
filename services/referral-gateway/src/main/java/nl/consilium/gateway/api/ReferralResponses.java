package nl.consilium.gateway.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.consilium.gateway.domain.ReceivedAttachment;
import nl.consilium.gateway.domain.ReceivedDocument;
import nl.consilium.gateway.domain.Referral;
import nl.consilium.gateway.domain.ReferralStatus;
import nl.consilium.gateway.service.ReferralView;

/** What the referral API answers: never the BSN. */
public final class ReferralResponses {

    private ReferralResponses() {
    }

    public record Patient(UUID patientId, String name, LocalDate birthDate, String gender, String phone, String email) {
    }

    public record Referrer(String agb, String name, String organisation) {
    }

    /** A received document: its {@code Bundle.id}, ZorgDomein document type and arrival. */
    public record Document(String bundleId, String documentType, Instant receivedAt) {
        static Document of(ReceivedDocument d) {
            return new Document(d.bundleId(), d.documentType().code(), d.receivedAt());
        }
    }

    /** An attachment, described; the bytes are at {@code href}. */
    public record Attachment(UUID attachmentId, String bundleId, String title, String contentType, String contentCheck,
            long size, String sha256, String href) {
        static Attachment of(ReceivedAttachment a) {
            return new Attachment(a.id(), a.bundleId(), a.title(), a.contentType(), a.contentCheck().name(), a.size(),
                    a.sha256(), "/api/referrals/" + a.referralId() + "/attachments/" + a.id());
        }
    }

    /** The transmural agreement as assessed from the questionnaire (DOMAIN.md §2). */
    public record TransmuralAgreement(String situation, String expectedLetterAuthor, boolean newReferral,
            boolean copyToFirstSpecialistRequired, String conformity, boolean flaggedForIntake, String reason) {
    }

    /** The questionnaire's answers; unanswered questions are null. */
    public record Questionnaire(Instant receivedAt, Boolean underTreatment, Boolean satisfied, Boolean willReturn,
            Boolean agreesToConsultation, List<String> reasons, String explanation,
            TransmuralAgreement transmuralAgreement) {
        static Questionnaire of(Referral.Questionnaire q) {
            var a = q.assessment();
            return new Questionnaire(q.receivedAt(), q.underTreatment(), q.satisfied(), q.willReturn(),
                    q.agreesToConsultation(), q.reasons(), q.explanation(),
                    new TransmuralAgreement(a.situation(), a.expectedLetterAuthor(), a.newReferral(),
                            a.copyToFirstSpecialistRequired(), a.conformity(), a.flaggedForIntake(), a.reason()));
        }
    }

    public record Cancellation(Instant cancelledAt, String reasonCode, String reasonText) {
    }

    /**
     * A referral as received: its status, the appointment request's facts ({@code receivedAt} and the
     * product and treating party are null until it arrives), the questionnaire, the cancellation, and
     * every document and attachment.
     */
    public record ReferralDetails(UUID referralId, String zorgDomeinNumber, ReferralStatus status,
            Instant firstDocumentAt, Instant receivedAt, Patient patient, Referrer referrer, String requestedProduct,
            String treatingSpecialty, String treatingHospital, String treatingSpecialist, Instant letterReceivedAt,
            Questionnaire questionnaire, Cancellation cancellation, List<Document> documents,
            List<Attachment> attachments) {
        static ReferralDetails of(ReferralView view) {
            Referral r = view.referral();
            var p = r.patient();
            var referrer = r.referrer();
            return new ReferralDetails(r.id(), r.zorgDomeinNumber(), r.status(), r.firstDocumentAt(), r.receivedAt(),
                    new Patient(r.patientId(), p.name(), p.birthDate(), p.gender(), p.phone(), p.email()),
                    new Referrer(referrer.agb(), referrer.name(), referrer.organisation()), r.requestedProduct(),
                    r.treatingSpecialty(), r.treatingHospital(), r.treatingSpecialist(), r.letterReceivedAt(),
                    r.questionnaire().map(Questionnaire::of).orElse(null),
                    r.cancellation().map(c -> new Cancellation(c.cancelledAt(), c.reasonCode(), c.reasonText()))
                            .orElse(null),
                    view.documents().stream().map(Document::of).toList(),
                    view.attachments().stream().map(Attachment::of).toList());
        }
    }
}
