package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of a case's dossier checklist: a document the nurse requested from the treating hospital,
 * the patient or the GP. Changes only through {@link #markReceived} and {@link #markNotNeeded}:
 * {@code REQUESTED} → {@code RECEIVED} | {@code NOT_NEEDED}; both final, except that a received item
 * may be fulfilled by further documents ({@link #documentArrived}).
 */
@Entity
@Table(name = "dossier_item")
public class DossierItem extends PanacheEntityBase {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierItemKind kind;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_from", nullable = false)
    private DossierItemSource requestedFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierItemStatus status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "received_by")
    private String receivedBy;

    @Column(name = "not_needed_at")
    private Instant notNeededAt;

    @Column(name = "not_needed_by")
    private String notNeededBy;

    private String note;

    protected DossierItem() {
    }

    /**
     * The nurse requests a document for the dossier. {@link DossierItemKind#OTHER} needs a
     * description (what exactly was asked for); the other kinds may have one.
     */
    public static DossierItem request(UUID referralId, DossierItemKind kind, String description,
            DossierItemSource from, String nurse, Instant at, String note) {
        if (kind == DossierItemKind.OTHER && blank(description)) {
            throw new IllegalDossierChange(IllegalDossierChange.Reason.DESCRIPTION_MISSING,
                    "A checklist item of kind OTHER needs a description");
        }
        DossierItem item = new DossierItem();
        item.id = UUID.randomUUID();
        item.referralId = Objects.requireNonNull(referralId, "referralId");
        item.kind = Objects.requireNonNull(kind, "kind");
        item.description = blank(description) ? null : description.strip();
        item.requestedFrom = Objects.requireNonNull(from, "from");
        item.status = DossierItemStatus.REQUESTED;
        item.requestedAt = Objects.requireNonNull(at, "at");
        item.requestedBy = Objects.requireNonNull(nurse, "nurse");
        item.note = blank(note) ? null : note.strip();
        return item;
    }

    /** The requested document arrived (by post, fax, mail or upload); a note, when given, replaces the old one. */
    public void markReceived(String nurse, Instant at, String noteOrNull) {
        requireRequested();
        this.status = DossierItemStatus.RECEIVED;
        this.receivedAt = Objects.requireNonNull(at, "at");
        this.receivedBy = Objects.requireNonNull(nurse, "nurse");
        replaceNote(noteOrNull);
    }

    /** The dossier can do without the requested document; a note, when given, replaces the old one. */
    public void markNotNeeded(String nurse, Instant at, String noteOrNull) {
        requireRequested();
        this.status = DossierItemStatus.NOT_NEEDED;
        this.notNeededAt = Objects.requireNonNull(at, "at");
        this.notNeededBy = Objects.requireNonNull(nurse, "nurse");
        replaceNote(noteOrNull);
    }

    /**
     * An uploaded document fulfils this item: a requested item becomes {@code RECEIVED}; a received one
     * stays as it is (one item may take several documents, such as lab results); one marked not
     * needed cannot take a document.
     *
     * @return whether the item changed
     */
    public boolean documentArrived(String nurse, Instant at) {
        if (status == DossierItemStatus.RECEIVED) {
            return false;
        }
        markReceived(nurse, at, null);
        return true;
    }

    private void requireRequested() {
        if (status != DossierItemStatus.REQUESTED) {
            throw new IllegalDossierChange(IllegalDossierChange.Reason.ITEM_CLOSED,
                    "The checklist item is " + status + " already");
        }
    }

    private void replaceNote(String noteOrNull) {
        if (!blank(noteOrNull)) {
            this.note = noteOrNull.strip();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The checklist of a case, in the order the items were requested. */
    public static List<DossierItem> ofCase(UUID referralId) {
        return list("referralId = ?1 order by requestedAt, id", referralId);
    }

    /** One item of a case; empty when it does not exist or belongs to another case. */
    public static Optional<DossierItem> ofCase(UUID referralId, UUID itemId) {
        return find("referralId = ?1 and id = ?2", referralId, itemId).firstResultOptional();
    }

    public UUID id() { return id; }
    public long version() { return version; }
    public UUID referralId() { return referralId; }
    public DossierItemKind kind() { return kind; }
    public String description() { return description; }
    public DossierItemSource requestedFrom() { return requestedFrom; }
    public DossierItemStatus status() { return status; }
    public Instant requestedAt() { return requestedAt; }
    public String requestedBy() { return requestedBy; }
    public Instant receivedAt() { return receivedAt; }
    public String receivedBy() { return receivedBy; }
    public Instant notNeededAt() { return notNeededAt; }
    public String notNeededBy() { return notNeededBy; }
    public String note() { return note; }

    @Override
    public String toString() {
        return "DossierItem[" + id + ", " + kind + ", " + status + "]";
    }
}
