package nl.consilium.consult.domain;

import java.util.ArrayList;
import java.util.List;
import nl.consilium.events.consult.Conclusion;

/**
 * What the specialist writes: the question (as clarified at intake, the specialist may sharpen it),
 * findings, conclusion, recommendations and free text. A draft may lack any of them; a signed report
 * needs all but the free text.
 */
public record ReportContent(String question, String findings, Conclusion conclusion, String recommendations,
        String freeText) {

    public ReportContent {
        question = blankToNull(question);
        findings = blankToNull(findings);
        recommendations = blankToNull(recommendations);
        freeText = blankToNull(freeText);
    }

    /** The fields a signed report needs and this one lacks, in the order of the report. */
    public List<String> missingForSignature() {
        List<String> missing = new ArrayList<>();
        if (question == null) {
            missing.add("question");
        }
        if (findings == null) {
            missing.add("findings");
        }
        if (conclusion == null) {
            missing.add("conclusion");
        }
        if (recommendations == null) {
            missing.add("recommendations");
        }
        return missing;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
