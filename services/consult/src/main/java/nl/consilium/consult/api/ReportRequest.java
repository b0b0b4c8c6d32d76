package nl.consilium.consult.api;

import jakarta.validation.constraints.Size;
import nl.consilium.consult.service.ReportDraft;
import nl.consilium.events.consult.Conclusion;

/**
 * The specialist's report as a draft. Every field may still be missing in a draft (signing asks for
 * question, findings, conclusion and recommendations); {@code question} left out is the question as
 * clarified at intake.
 */
public record ReportRequest(
        @Size(max = 2000) String question,
        @Size(max = 8000) String findings,
        Conclusion conclusion,
        @Size(max = 4000) String recommendations,
        @Size(max = 8000) String freeText) {

    ReportDraft toDraft() {
        return new ReportDraft(question, findings, conclusion, recommendations, freeText);
    }
}
