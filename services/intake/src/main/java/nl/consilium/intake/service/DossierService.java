package nl.consilium.intake.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import nl.consilium.events.audit.AuditOutcome;
import nl.consilium.events.intake.DossierDocumentAdded;
import nl.consilium.intake.config.DossierConfig;
import nl.consilium.intake.domain.DossierDocument;
import nl.consilium.intake.domain.DossierItem;
import nl.consilium.intake.domain.DossierItemKind;
import nl.consilium.intake.domain.DossierItemSource;
import nl.consilium.intake.domain.DossierItemStatus;
import nl.consilium.intake.domain.IllegalDossierChange;
import nl.consilium.intake.domain.IntakeCase;
import nl.consilium.intake.domain.IntakeStatus;
import nl.consilium.intake.domain.SpecialistAssignment;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.content.ContentTypes;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The dossier use cases: the checklist of documents the nurse requested for a case, and the
 * documents uploaded to it. Reads are for nurses and coordinators; every change is the nurse's who
 * holds the case's claim, and none is possible once the referral is cancelled. The specialist the
 * consult is booked with (as scheduling announced it, {@link SpecialistAssignments}) may list and
 * download the documents too; any other specialist gets a 404, as for an unknown case. Every upload
 * is announced as {@link DossierDocumentAdded} in its transaction, so that consult lists the document
 * for the specialist. Every read, list and change is audited with the case's patient and referral; a
 * specialist's refused read as {@code DENIED}.
 */
@ApplicationScoped
public class DossierService {

    static final String ITEM_RESOURCE = "dossier-item";
    static final String DOCUMENT_RESOURCE = "dossier-document";
    private static final String NURSE = "nurse";
    private static final String COORDINATOR = "coordinator";
    private static final String SPECIALIST = "specialist";
    private static final Logger LOG = Logger.getLogger(DossierService.class);

    @Inject
    DossierConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    IntakeService intake;

    /** A checklist item to request: {@code description} is required for {@code OTHER}. */
    public record NewItem(DossierItemKind kind, String description, DossierItemSource requestedFrom, String note) {
    }

    /**
     * An uploaded file as the HTTP layer received it: the declared content type, its size and where
     * its bytes wait (a temporary file, deleted after the request).
     */
    public record Upload(String title, String declaredContentType, long size, Path file, UUID itemId) {
    }

    /** A document's description and its bytes, for a download. */
    public record DocumentContent(Dossier.Document document, byte[] data) {
    }

    /**
     * The dossier of a case, without bytes and without an audit record of its own: the caller (the
     * case detail) audits the read of the case.
     */
    @Transactional
    public Dossier dossierOf(UUID referralId) {
        return new Dossier(DossierItem.ofCase(referralId).stream().map(DossierService::describe).toList(),
                DossierDocument.ofCase(referralId).stream().map(DossierService::describe).toList());
    }

    /** The checklist of a case; every item shown is a search access to the patient's data. */
    @Transactional
    public List<Dossier.Item> items(UUID referralId) {
        IntakeCase intakeCase = findCase(referralId);
        List<DossierItem> items = DossierItem.ofCase(referralId);
        items.forEach(i -> audit.record(AccessKind.SEARCH, ITEM_RESOURCE, i.id(), intakeCase.patientId(), referralId));
        return items.stream().map(DossierService::describe).toList();
    }

    @Transactional
    public Dossier.Item item(UUID referralId, UUID itemId) {
        IntakeCase intakeCase = findCase(referralId);
        DossierItem item = findItem(referralId, itemId);
        audit.record(AccessKind.READ, ITEM_RESOURCE, itemId, intakeCase.patientId(), referralId);
        return describe(item);
    }

    /** The claim holder requests a document for the dossier. */
    @Transactional
    public Dossier.Item request(UUID referralId, NewItem request) {
        IntakeCase intakeCase = lockForChange(referralId);
        DossierItem item;
        try {
            item = DossierItem.request(referralId, request.kind(), request.description(), request.requestedFrom(),
                    user.subject(), clock.instant(), request.note());
        } catch (IllegalDossierChange e) {
            throw problem(e);
        }
        item.persistAndFlush();
        audit.record(AccessKind.CREATE, ITEM_RESOURCE, item.id(), intakeCase.patientId(), referralId);
        return describe(item);
    }

    /**
     * The requested document arrived.
     *
     * @param expectedVersion the item's version the nurse saw; null skips the check
     */
    @Transactional
    public Dossier.Item markReceived(UUID referralId, UUID itemId, Long expectedVersion, String note) {
        return change(referralId, itemId, expectedVersion, item -> item.markReceived(user.subject(), clock.instant(), note));
    }

    /**
     * The dossier can do without the requested document.
     *
     * @param expectedVersion the item's version the nurse saw; null skips the check
     */
    @Transactional
    public Dossier.Item markNotNeeded(UUID referralId, UUID itemId, Long expectedVersion, String note) {
        return change(referralId, itemId, expectedVersion, item -> item.markNotNeeded(user.subject(), clock.instant(), note));
    }

    /**
     * The documents of a case, without their bytes; every document shown is a search access. For
     * nurses, coordinators and the assigned specialist ({@link #findCaseForDocumentReader}).
     */
    @Transactional
    public List<Dossier.Document> documents(UUID referralId) {
        IntakeCase intakeCase = findCaseForDocumentReader(referralId, AccessKind.SEARCH, referralId);
        List<DossierDocument> documents = DossierDocument.ofCase(referralId);
        documents.forEach(d -> audit.record(AccessKind.SEARCH, DOCUMENT_RESOURCE, d.id(), intakeCase.patientId(),
                referralId));
        return documents.stream().map(DossierService::describe).toList();
    }

    /**
     * One document's description and bytes; an audited read. For nurses, coordinators and the
     * assigned specialist ({@link #findCaseForDocumentReader}).
     */
    @Transactional
    public DocumentContent download(UUID referralId, UUID documentId) {
        IntakeCase intakeCase = findCaseForDocumentReader(referralId, AccessKind.READ, documentId);
        DossierDocument document = DossierDocument.ofCase(referralId, documentId)
                .orElseThrow(() -> ProblemException.notFound("Document " + documentId + " of case " + referralId));
        audit.record(AccessKind.READ, DOCUMENT_RESOURCE, documentId, intakeCase.patientId(), referralId);
        return new DocumentContent(describe(document), document.data());
    }

    /**
     * The claim holder uploads a document: at most {@code consilium.dossier.max-document-size} bytes,
     * of an allowed content type that the bytes confirm. It is kept with its SHA-256; the checklist
     * item it fulfils, if named, becomes {@code RECEIVED}.
     */
    @Transactional
    public Dossier.Document upload(UUID referralId, Upload upload) {
        IntakeCase intakeCase = lockForChange(referralId);
        long limit = config.maxDocumentSize().asLongValue();
        if (upload.size() > limit) {
            throw tooLarge(limit);
        }
        String declared = ContentTypes.normalise(upload.declaredContentType());
        if (declared == null || !config.allowedContentTypes().contains(declared)) {
            throw new ProblemException("unsupported-document-type", "Unsupported document type", 415,
                    "Upload one of " + String.join(", ", config.allowedContentTypes().stream().sorted().toList())
                            + "; the file part declared " + (declared == null ? "no content type" : declared));
        }
        byte[] data = read(upload.file());
        if (data.length > limit) {
            throw tooLarge(limit); // the file grew or the size was misreported
        }
        if (data.length == 0) {
            throw ProblemException.unprocessable("empty-document", "The uploaded file is empty");
        }
        ContentTypes.Verdict verdict = ContentTypes.check(declared, data);
        if (!verdict.verifiable() || verdict.mismatch()) {
            throw ProblemException.unprocessable("document-content-mismatch", "The file's content is not "
                    + declared + (verdict.detected() == null ? "" : " (it looks like " + verdict.detected() + ")"));
        }
        DossierItem item = null;
        Instant now = clock.instant();
        if (upload.itemId() != null) {
            item = findItem(referralId, upload.itemId());
            if (item.status() == DossierItemStatus.NOT_NEEDED) {
                throw ProblemException.conflict("dossier-item-not-needed",
                        "The checklist item was marked not needed; upload the document without it or request it anew");
            }
            if (item.documentArrived(user.subject(), now)) {
                audit.record(AccessKind.UPDATE, ITEM_RESOURCE, item.id(), intakeCase.patientId(), referralId);
            }
        }
        DossierDocument document = DossierDocument.keep(referralId, item, upload.title(), declared, data,
                user.subject(), now);
        Panache.getEntityManager().flush();
        audit.record(AccessKind.CREATE, DOCUMENT_RESOURCE, document.id(), intakeCase.patientId(), referralId);
        // described, never carried: the assigned specialist downloads the bytes from here
        outbox.publish(new DossierDocumentAdded(referralId, intakeCase.patientId(), document.id(), document.title(),
                document.contentType(), document.size(), document.sha256(), document.uploadedAt()));
        LOG.infof("Dossier document %s (%s, %d bytes) added to case %s", document.id(), declared, data.length,
                referralId);
        return describe(document);
    }

    private Dossier.Item change(UUID referralId, UUID itemId, Long expectedVersion, Consumer<DossierItem> change) {
        IntakeCase intakeCase = lockForChange(referralId);
        DossierItem item = findItem(referralId, itemId);
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw staleVersion(item.version(), expectedVersion);
        }
        try {
            change.accept(item);
        } catch (IllegalDossierChange e) {
            throw problem(e);
        }
        item.persistAndFlush();
        audit.record(AccessKind.UPDATE, ITEM_RESOURCE, itemId, intakeCase.patientId(), referralId);
        return describe(item);
    }

    /**
     * The case, locked until the transaction ends, when the caller holds its claim and the referral is
     * not cancelled (404, 409 {@code intake-cancelled}, 409 {@code intake-claim-required} otherwise):
     * every change of a dossier comes through here, so changes of one case's dossier happen one after
     * another.
     */
    private IntakeCase lockForChange(UUID referralId) {
        return intake.requireClaimHolder(referralId);
    }

    /**
     * The case, when the caller may read its dossier documents: a nurse or coordinator any case; a
     * specialist only a case whose consult is booked with them now (token claim {@code agb} equal to
     * the specialist scheduling announced last) and whose referral is not cancelled. A specialist's
     * other attempts are audited {@code DENIED} (the list naming the referral, a download the
     * document asked for) and answered 404 exactly like an unknown case, so that they learn nothing
     * about cases that are not theirs.
     */
    private IntakeCase findCaseForDocumentReader(UUID referralId, AccessKind kind, UUID resourceId) {
        IntakeCase intakeCase = findCase(referralId);
        if (user.hasRole(NURSE) || user.hasRole(COORDINATOR)) {
            return intakeCase;
        }
        if (user.hasRole(SPECIALIST) && intakeCase.status() != IntakeStatus.CANCELLED
                && SpecialistAssignment.isAssigned(referralId, user.agb().orElse(null))) {
            return intakeCase;
        }
        audit.recordRefused(kind, DOCUMENT_RESOURCE, resourceId, intakeCase.patientId(), referralId,
                AuditOutcome.DENIED);
        throw caseNotFound(referralId);
    }

    private static IntakeCase findCase(UUID referralId) {
        IntakeCase intakeCase = IntakeCase.findById(referralId);
        if (intakeCase == null) {
            throw caseNotFound(referralId);
        }
        return intakeCase;
    }

    private static DossierItem findItem(UUID referralId, UUID itemId) {
        return DossierItem.ofCase(referralId, itemId)
                .orElseThrow(() -> ProblemException.notFound("Checklist item " + itemId + " of case " + referralId));
    }

    private static ProblemException caseNotFound(UUID referralId) {
        return ProblemException.notFound("Intake case " + referralId);
    }

    private static ProblemException staleVersion(long current, long expected) {
        return ProblemException.conflict("concurrent-modification", "The checklist item was changed since you read"
                + " it (version " + current + ", you sent " + expected + "); read it again and retry");
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException("document-too-large", "Content too large", 413,
                "Upload documents of at most " + limit + " bytes");
    }

    private static ProblemException problem(IllegalDossierChange e) {
        return switch (e.reason()) {
            case ITEM_CLOSED -> ProblemException.conflict("dossier-item-closed", e.getMessage());
            case DESCRIPTION_MISSING -> ProblemException.unprocessable("dossier-item-description-missing", e.getMessage());
        };
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read", e);
        }
    }

    static Dossier.Item describe(DossierItem i) {
        return new Dossier.Item(i.id(), i.kind(), i.description(), i.requestedFrom(), i.status(), i.requestedAt(),
                i.requestedBy(), i.receivedAt(), i.receivedBy(), i.notNeededAt(), i.notNeededBy(), i.note(),
                i.version());
    }

    static Dossier.Document describe(DossierDocument d) {
        return new Dossier.Document(d.id(), d.itemId(), d.title(), d.contentType(), d.size(), d.sha256(),
                d.uploadedAt(), d.uploadedBy());
    }
}
