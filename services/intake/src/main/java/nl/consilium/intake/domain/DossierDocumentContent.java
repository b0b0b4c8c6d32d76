package nl.consilium.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The bytes of a {@link DossierDocument}, in a table of their own; never changed, never deleted. */
@Entity
@Table(name = "dossier_document_content")
@Immutable
public class DossierDocumentContent extends PanacheEntityBase {

    @Id
    @Column(name = "document_id")
    private UUID documentId;

    @Column(nullable = false)
    private byte[] data;

    protected DossierDocumentContent() {
    }

    static DossierDocumentContent of(UUID documentId, byte[] data) {
        DossierDocumentContent content = new DossierDocumentContent();
        content.documentId = documentId;
        content.data = data;
        return content;
    }

    byte[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "DossierDocumentContent[" + documentId + ", " + data.length + " bytes]";
    }
}
