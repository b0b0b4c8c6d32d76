package nl.consilium.consult.service;

import nl.consilium.consult.domain.ReportContent;
import nl.consilium.events.consult.Conclusion;

/**
 * What the specialist wrote in the report, before signing it. A null {@code question} means the
 * question as clarified at intake.
 */
public record ReportDraft(String question, String findings, Conclusion conclusion, String recommendations,
        String freeText) {

    ReportContent toContent(String clarifiedQuestion) {
        return new ReportContent(question == null || question.isBlank() ? clarifiedQuestion : question, findings,
                conclusion, recommendations, freeText);
    }
}
