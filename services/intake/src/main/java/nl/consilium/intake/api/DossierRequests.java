package nl.consilium.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.consilium.intake.domain.DossierItemKind;
import nl.consilium.intake.domain.DossierItemSource;
import nl.consilium.intake.service.DossierService;

/** What the dossier API takes as JSON. */
public final class DossierRequests {

    private DossierRequests() {
    }

    /**
     * A document to request for the dossier, and from whom; {@code OTHER} needs a description of what
     * was asked for.
     */
    public record NewItemRequest(
            @NotNull DossierItemKind kind,
            @Size(max = 500) String description,
            @NotNull DossierItemSource requestedFrom,
            @Size(max = 2000) String note) {

        @JsonIgnore
        @AssertTrue(message = "an item of kind OTHER needs a description")
        public boolean isDescribedWhenOther() {
            return kind != DossierItemKind.OTHER || (description != null && !description.isBlank());
        }

        DossierService.NewItem toNewItem() {
            return new DossierService.NewItem(kind, description, requestedFrom, note);
        }
    }

    /**
     * Marks a checklist item received or not needed: {@code version} (or the {@code If-Match} header)
     * is the item's version as last read, a stale one is answered 409
     * {@code concurrent-modification}; a note, when given, replaces the item's note.
     */
    public record ItemChangeRequest(@PositiveOrZero Long version, @Size(max = 2000) String note) {
        static final ItemChangeRequest EMPTY = new ItemChangeRequest(null, null);
    }
}
