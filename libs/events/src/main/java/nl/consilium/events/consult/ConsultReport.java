package nl.consilium.events.consult;

import java.time.Instant;

/**
 * The specialist's signed report of the second opinion.
 *
 * @param freeText the specialist's further text (optional, added in v1)
 * @param signedByName the signing specialist's name (optional, added in v1)
 */
public record ConsultReport(
        String question,
        String findings,
        Conclusion conclusion,
        String recommendations,
        String signedBy,
        Instant signedAt,
        String freeText,
        String signedByName) {

    /** The v1 fields of before issue 6. */
    public ConsultReport(String question, String findings, Conclusion conclusion, String recommendations,
            String signedBy, Instant signedAt) {
        this(question, findings, conclusion, recommendations, signedBy, signedAt, null, null);
    }
}
