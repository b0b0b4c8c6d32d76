package nl.consilium.consult.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.consilium.events.intake.DossierDocumentAdded;
import org.hibernate.annotations.Immutable;

/**
 * One document of a referral's dossier as its owner described it (title, content type, size,
 * SHA-256), never its bytes: those stay with the service named by {@link #source()}, which checks the
 * caller and audits the download. Kept per referral, also before the consult exists; never changed.
 */
@Entity
@Table(name = "dossier_document")
@Immutable
public class DossierDocument extends PanacheEntityBase {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Id
    @Column(name = "document_id")
    private UUID documentId;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierSource source;

    @Column(nullable = false, columnDefinition = "text")
    private String title;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DossierDocument() {
    }

    /** Intake added a document to the referral's dossier; consult learns of it at {@code now}. */
    public static DossierDocument fromIntake(DossierDocumentAdded added, Instant now) {
        DossierDocument d = new DossierDocument();
        d.documentId = Objects.requireNonNull(added.documentId(), "documentId");
        d.referralId = Objects.requireNonNull(added.referralId(), "referralId");
        d.patientId = Objects.requireNonNull(added.patientId(), "patientId");
        d.source = DossierSource.INTAKE;
        d.title = Objects.requireNonNull(added.title(), "title");
        d.contentType = Objects.requireNonNull(added.contentType(), "contentType");
        if (added.size() < 0) {
            throw new IllegalArgumentException("A document's size is not negative");
        }
        d.size = added.size();
        String sha256 = Objects.requireNonNull(added.sha256(), "sha256").toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 hex digits");
        }
        d.sha256 = sha256;
        d.addedAt = Objects.requireNonNull(added.addedAt(), "addedAt");
        d.recordedAt = Objects.requireNonNull(now, "now");
        return d;
    }

    /** The referral's documents in the order they were added. */
    public static List<DossierDocument> ofReferral(UUID referralId) {
        return list("referralId = ?1 order by addedAt, documentId", referralId);
    }

    public UUID documentId() { return documentId; }
    public UUID referralId() { return referralId; }
    public UUID patientId() { return patientId; }
    public DossierSource source() { return source; }
    public String title() { return title; }
    public String contentType() { return contentType; }
    public long size() { return size; }
    public String sha256() { return sha256; }
    public Instant addedAt() { return addedAt; }
    public Instant recordedAt() { return recordedAt; }

    @Override
    public String toString() {
        return "DossierDocument[" + documentId + ", " + source + ", " + contentType + ", " + size + " bytes]";
    }
}
