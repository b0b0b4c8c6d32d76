package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.consilium.events.referral.DocumentAttachment;
import nl.consilium.events.referral.ReferralLetterReceived;
import nl.consilium.events.referral.ReferralSupplemented;

/**
 * A document of the referral that the gateway announced after {@code ReferralReceived}: the referral
 * letter, a supplement (more attachments) or the questionnaire (with the transmural-agreement
 * assessment). Described only; the bytes stay at the gateway. One per ZorgDomein {@code Bundle.id};
 * never changed. Kept apart from the case, so that a document arriving does not change the case's
 * version under the nurse's hands.
 */
@Entity
@Table(name = "referral_document")
public class ReferralDocument extends PanacheEntityBase {

    public static final String LETTER = "referral-letter";

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "bundle_id", nullable = false)
    private String bundleId;

    @Column(name = "document_type", nullable = false)
    private String documentType;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Embedded
    private TransmuralAssessment transmural;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_document_attachment", joinColumns = @JoinColumn(name = "document_id"))
    @OrderColumn(name = "position")
    private List<ReceivedAttachment> attachments = new ArrayList<>();

    protected ReferralDocument() {
    }

    /** The referral letter arrived. */
    public static ReferralDocument letter(ReferralLetterReceived letter) {
        return of(letter.referralId(), letter.bundleId(), LETTER, letter.receivedAt(), letter.attachments());
    }

    /** A supplement or the questionnaire arrived. */
    public static ReferralDocument supplement(ReferralSupplemented supplement) {
        ReferralDocument d = of(supplement.referralId(), supplement.bundleId(), supplement.documentType(),
                supplement.receivedAt(), supplement.attachments());
        if (supplement.questionnaire() != null && supplement.questionnaire().transmuralAgreement() != null) {
            d.transmural = TransmuralAssessment.of(supplement.questionnaire().transmuralAgreement());
        }
        return d;
    }

    private static ReferralDocument of(UUID referralId, String bundleId, String type, Instant receivedAt,
            Collection<DocumentAttachment> attachments) {
        ReferralDocument d = new ReferralDocument();
        d.id = UUID.randomUUID();
        d.referralId = Objects.requireNonNull(referralId, "referralId");
        d.bundleId = Objects.requireNonNull(bundleId, "bundleId");
        d.documentType = Objects.requireNonNull(type, "documentType");
        d.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        if (attachments != null) {
            attachments.stream().filter(Objects::nonNull).map(ReceivedAttachment::of).forEach(d.attachments::add);
        }
        return d;
    }

    /** Whether the case has this document already (the gateway announces each Bundle once, but still). */
    public static boolean known(UUID referralId, String bundleId) {
        return count("referralId = ?1 and bundleId = ?2", referralId, bundleId) > 0;
    }

    /** The documents of a case, in the order they arrived. */
    public static List<ReferralDocument> ofCase(UUID referralId) {
        return list("referralId = ?1 order by receivedAt, id", referralId);
    }

    /**
     * What a worklist page shows of its cases' documents, without loading them: per document its case,
     * type and transmural flag (null for all but a questionnaire), in the order they arrived.
     */
    public static List<Summary> summariesOf(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new " + Summary.class.getName()
                        + "(d.referralId, d.documentType, d.transmural.flaggedForIntake) from ReferralDocument d"
                        + " where d.referralId in :ids order by d.receivedAt, d.id", Summary.class)
                .setParameter("ids", referralIds).getResultList();
    }

    /** A document as the worklist sees it; {@code transmuralFlagged} is null unless it is a questionnaire. */
    public record Summary(UUID referralId, String documentType, Boolean transmuralFlagged) {
        public boolean isLetter() {
            return LETTER.equals(documentType);
        }
    }

    public boolean isLetter() {
        return LETTER.equals(documentType);
    }

    public boolean isQuestionnaire() {
        return ReferralSupplemented.QUESTIONNAIRE.equals(documentType);
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public String bundleId() { return bundleId; }
    public String documentType() { return documentType; }
    public Instant receivedAt() { return receivedAt; }
    /** The transmural-agreement assessment of a questionnaire; null otherwise. */
    public TransmuralAssessment transmural() { return transmural; }
    public List<ReceivedAttachment> attachments() { return List.copyOf(attachments); }
}
