package nl.consilium.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.consilium.gateway.config.GatewayConfig;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.gateway.domain.Patient;
import nl.consilium.gateway.domain.ReceivedAttachment;
import nl.consilium.gateway.domain.ReceivedDocument;
import nl.consilium.gateway.domain.Referral;
import nl.consilium.gateway.domain.ReferralDocumentReader;
import nl.consilium.gateway.domain.document.AppointmentRequestDocument;
import nl.consilium.gateway.domain.document.CancellationDocument;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.gateway.domain.document.QuestionnaireDocument;
import nl.consilium.gateway.domain.document.ReferralLetterDocument;
import nl.consilium.gateway.domain.document.SupplementDocument;
import nl.consilium.gateway.domain.document.ZorgDomeinDocument;
import nl.consilium.gateway.domain.transmural.QuestionnaireSituation;
import nl.consilium.gateway.domain.transmural.TransmuralAgreement;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;

/**
 * The gateway's use cases: take a ZorgDomein document of any of the five types (idempotently, by
 * {@code Bundle.id}), join it to its referral by ZD number, announce what changed; show a referral
 * and its attachments to those entitled.
 *
 * <p>A referral is announced ({@code ReferralReceived}) when its appointment request arrives.
 * Documents that arrive before it are kept and announced right after it, in arrival order; documents
 * of a cancelled referral are kept and announce nothing.
 */
@ApplicationScoped
public class ReferralService {

    static final String RESOURCE = "referral";
    static final String ATTACHMENT_RESOURCE = "referral-attachment";

    /** The document types the endpoint takes: all five of ZorgDomein. */
    public static final Set<DocumentType> ACCEPTED = Collections.unmodifiableSet(EnumSet.allOf(DocumentType.class));

    @Inject
    ReferralDocumentReader reader;

    @Inject
    GatewayConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ReferralAnnouncements announcements;

    /**
     * Takes a delivered document. A new one is stored verbatim with its attachments, joined to the
     * referral of its ZD number, and announced, all in one transaction; the same document again (same
     * {@code Bundle.id}, same bytes) answers the same referral and changes nothing.
     *
     * @throws DocumentRejected when the document is invalid (400), not acceptable (422: a product not
     *         offered, a patient other than the referral's), or re-uses a {@code Bundle.id} with other
     *         content or brings a second appointment request (409); nothing is stored then
     */
    @Transactional
    public Receipt receive(byte[] body, DocumentFormat format) {
        ZorgDomeinDocument document = reader.read(body, format, ACCEPTED);
        if (document instanceof AppointmentRequestDocument request) {
            requireOffered(request);
        }
        String sha256 = sha256(body);
        Instant now = clock.instant();
        UUID patientId = Patient.idFor(document.patient().bsn());
        // Every document of one ZD number takes its turn on the referral's row lock, so documents of one
        // referral that arrive at once are joined one after the other, and concurrent duplicates wait.
        Referral.Locked locked = Referral.openOrLock(document, patientId, now);
        Referral referral = locked.referral();
        if (!ReceivedDocument.claim(document, format, sha256, now, referral.id(),
                new String(body, StandardCharsets.UTF_8))) {
            ReceivedDocument earlier = ReceivedDocument.findById(document.bundleId());
            if (!earlier.sameContent(sha256)) {
                throw DocumentRejected.conflict("conflict", "Bundle.id", "A document with this Bundle.id was "
                        + "received before with different content; every new document needs a new Bundle.id");
            }
            return new Receipt(earlier.referralId(), document.type(), false);
        }
        if (!referral.patientId().equals(patientId)) {
            throw DocumentRejected.unacceptable("business-rule", "Composition.subject", "The patient (BSN) of this "
                    + "document differs from the patient of the referral with this ZD number; documents of one "
                    + "referral must name the same patient");
        }
        join(referral, document, now);
        audit.record(locked.opened() ? AccessKind.CREATE : AccessKind.UPDATE, RESOURCE, referral.id(), patientId,
                referral.id());
        return new Receipt(referral.id(), document.type(), true);
    }

    private void join(Referral referral, ZorgDomeinDocument document, Instant now) {
        boolean announced = referral.announced();
        boolean cancelled = referral.cancellation().isPresent();
        switch (document) {
            case AppointmentRequestDocument request -> {
                if (referral.appointmentRequested(request, now)) {
                    outbox.publish(referral.toEvent());
                    announceEarlierDocuments(referral, request.bundleId());
                }
            }
            case ReferralLetterDocument letter -> {
                List<ReceivedAttachment> kept = ReceivedAttachment.keep(referral.id(), letter.bundleId(),
                        letter.attachments());
                referral.letterReceived(now);
                if (announced && !cancelled) {
                    outbox.publish(announcements.letter(referral, letter.bundleId(), now, kept));
                }
            }
            case SupplementDocument supplement -> {
                List<ReceivedAttachment> kept = ReceivedAttachment.keep(referral.id(), supplement.bundleId(),
                        supplement.attachments());
                if (announced && !cancelled) {
                    outbox.publish(announcements.supplement(referral, supplement.bundleId(), now, kept));
                }
            }
            case QuestionnaireDocument questionnaire -> {
                var answers = questionnaire.answers();
                referral.questionnaireAnswered(answers, TransmuralAgreement.assess(
                        QuestionnaireSituation.of(answers.underTreatment(), answers.satisfied(), answers.willReturn(),
                                answers.agreesToConsultation()),
                        questionnaire.referrer().agb()), now);
                if (announced && !cancelled) {
                    outbox.publish(announcements.questionnaire(referral, questionnaire.bundleId()));
                }
            }
            case CancellationDocument cancellation -> {
                if (referral.cancel(cancellation.reason(), now) && announced) {
                    outbox.publish(announcements.cancellation(referral, cancellation.bundleId()));
                }
            }
        }
    }

    /**
     * The referral was just announced: the documents that arrived before its appointment request are
     * announced now, in arrival order (a questionnaire once, with the latest answers).
     */
    private void announceEarlierDocuments(Referral referral, String appointmentRequestBundleId) {
        String latestQuestionnaire = null;
        List<ReceivedDocument> earlier = new ArrayList<>();
        for (ReceivedDocument d : ReceivedDocument.ofReferral(referral.id())) {
            if (d.bundleId().equals(appointmentRequestBundleId)) {
                continue;
            }
            earlier.add(d);
            if (d.documentType() == DocumentType.QUESTIONNAIRE) {
                latestQuestionnaire = d.bundleId();
            }
        }
        for (ReceivedDocument d : earlier) {
            switch (d.documentType()) {
                case REFERRAL_LETTER -> outbox.publish(announcements.letter(referral, d.bundleId(), d.receivedAt(),
                        ReceivedAttachment.ofDocument(d.bundleId())));
                case SUPPLEMENT -> outbox.publish(announcements.supplement(referral, d.bundleId(), d.receivedAt(),
                        ReceivedAttachment.ofDocument(d.bundleId())));
                case QUESTIONNAIRE -> {
                    if (d.bundleId().equals(latestQuestionnaire)) {
                        outbox.publish(announcements.questionnaire(referral, d.bundleId()));
                    }
                }
                // A cancellation before the appointment request keeps the referral from being announced at
                // all, so it cannot be among the earlier documents of an announced referral.
                case APPOINTMENT_REQUEST, CANCELLATION -> {
                }
            }
        }
    }

    private void requireOffered(AppointmentRequestDocument request) {
        String product = request.requestedProduct().code();
        if (!config.supportedProducts().contains(product)) {
            throw DocumentRejected.unacceptable("not-supported", "ReferralRequest.serviceRequested",
                    "Product " + product + " is not offered here; supported: "
                            + String.join(", ", config.supportedProducts().stream().sorted().toList()));
        }
    }

    /** The referral, for the coordinator; an audited read. */
    @Transactional
    public ReferralView read(UUID referralId) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral " + referralId);
        }
        audit.record(AccessKind.READ, RESOURCE, referralId, referral.patientId(), referralId);
        List<ReceivedDocument> documents = ReceivedDocument.ofReferral(referralId);
        return new ReferralView(referral, documents, ReceivedAttachment.ofReferral(referralId, documents));
    }

    /** One attachment with its bytes, for those entitled; an audited read. */
    @Transactional
    public ReceivedAttachment attachment(UUID referralId, UUID attachmentId) {
        ReceivedAttachment attachment = ReceivedAttachment.ofReferral(referralId, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("Attachment " + attachmentId + " of referral " + referralId));
        Referral referral = Referral.findById(referralId);
        audit.record(AccessKind.READ, ATTACHMENT_RESOURCE, attachmentId, referral.patientId(), referralId);
        attachment.data(); // loaded inside the transaction
        return attachment;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
