package nl.consilium.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import nl.consilium.gateway.config.GatewayConfig;
import nl.consilium.gateway.domain.AppointmentRequest;
import nl.consilium.gateway.domain.DocumentRejected;
import nl.consilium.gateway.domain.Patient;
import nl.consilium.gateway.domain.ReceivedDocument;
import nl.consilium.gateway.domain.Referral;
import nl.consilium.gateway.domain.ReferralDocumentReader;
import nl.consilium.gateway.domain.document.DocumentFormat;
import nl.consilium.gateway.domain.document.DocumentType;
import nl.consilium.platform.audit.AccessKind;
import nl.consilium.platform.audit.AuditLog;
import nl.consilium.platform.outbox.Outbox;
import nl.consilium.platform.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The gateway's use cases: take a ZorgDomein document (idempotently, by {@code Bundle.id}) and show
 * a referral to the coordinator.
 */
@ApplicationScoped
public class ReferralService {

    static final String RESOURCE = "referral";

    /** The document types taken end to end so far; the others are answered 422 (issue 3 adds them). */
    public static final Set<DocumentType> ACCEPTED = Collections.unmodifiableSet(
            EnumSet.of(DocumentType.APPOINTMENT_REQUEST));

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

    /**
     * Takes a delivered document. A new one is stored verbatim, makes a referral, and is announced with
     * {@code ReferralReceived}, all in one transaction; the same document again (same {@code Bundle.id},
     * same bytes) answers the same referral and changes nothing.
     *
     * @throws DocumentRejected when the document is invalid (400), not acceptable (422), or re-uses a
     *         {@code Bundle.id} or ZD number with other content (409); nothing is stored then
     */
    @Transactional
    public Receipt receive(byte[] body, DocumentFormat format) {
        AppointmentRequest document = AppointmentRequest.of(reader.read(body, format, ACCEPTED));
        if (!config.supportedProducts().contains(document.requestedProduct())) {
            throw DocumentRejected.unacceptable("not-supported", "ReferralRequest.serviceRequested",
                    "Product " + document.requestedProduct() + " is not offered here; supported: "
                            + String.join(", ", config.supportedProducts().stream().sorted().toList()));
        }
        String sha256 = sha256(body);
        Instant now = clock.instant();
        UUID referralId = UUID.randomUUID();
        // First statement: claim the Bundle.id. A concurrent delivery of the same document waits here.
        if (!ReceivedDocument.claim(document.bundleId(), sha256, now, referralId,
                new String(body, StandardCharsets.UTF_8))) {
            ReceivedDocument earlier = ReceivedDocument.findById(document.bundleId());
            if (!earlier.sameContent(sha256)) {
                throw DocumentRejected.conflict("conflict", "Bundle.id", "A document with this Bundle.id was "
                        + "received before with different content; every new document needs a new Bundle.id");
            }
            return new Receipt(earlier.referralId(), false);
        }
        if (Referral.existsForZorgDomeinNumber(document.zorgDomeinNumber())) {
            throw duplicateZorgDomeinNumber();
        }
        UUID patientId = Patient.idFor(document.patient().bsn());
        Referral referral = Referral.receive(referralId, document, patientId, now);
        try {
            referral.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw duplicateZorgDomeinNumber(); // a concurrent document with the same ZD number won
            }
            throw e;
        }
        outbox.publish(referral.toEvent());
        audit.record(AccessKind.CREATE, RESOURCE, referralId, patientId, referralId);
        return new Receipt(referralId, true);
    }

    /** The referral, for the coordinator; an audited read. */
    @Transactional
    public Referral read(UUID referralId) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral " + referralId);
        }
        audit.record(AccessKind.READ, RESOURCE, referralId, referral.patientId(), referralId);
        return referral;
    }

    private static DocumentRejected duplicateZorgDomeinNumber() {
        return DocumentRejected.conflict("duplicate", "Composition.identifier", "A referral with this ZD number "
                + "was received already in another document; only its first appointment-request is accepted");
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
