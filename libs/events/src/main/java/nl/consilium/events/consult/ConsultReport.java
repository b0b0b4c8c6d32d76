package nl.consilium.events.consult;

import java.time.Instant;

/** The specialist's signed report of the second opinion. */
public record ConsultReport(
        String question,
        String findings,
        Conclusion conclusion,
        String recommendations,
        String signedBy,
        Instant signedAt) {
}
