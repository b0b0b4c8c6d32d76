package nl.consilium.consult.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.consilium.consult.service.ReportDraft;
import nl.consilium.events.consult.Conclusion;

/** The specialist's report as a draft: what was found, the conclusion, and the advice. */
public record ReportRequest(
        @NotBlank @Size(max = 8000) String findings,
        @NotNull Conclusion conclusion,
        @NotBlank @Size(max = 4000) String recommendations) {

    ReportDraft toDraft() {
        return new ReportDraft(findings.strip(), conclusion, recommendations.strip());
    }
}
