package nl.consilium.events.consult;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * A signed addendum to a final consult report (a correction or addition; the report itself never
 * changes). Owned by consult.
 *
 * @param sequence 1 for the first addendum of the report, 2 for the next, ...
 * @param text the addendum (medical content)
 * @param signedBy the specialist (token subject) who signed it
 * @param signedByName the specialist's name
 * @param patientObjectsToGpReport as known to consult; when true the GP must not see it
 */
public record ConsultReportAmended(UUID referralId, UUID consultId, UUID patientId, String referrerAgb, int sequence,
        String text, String signedBy, String signedByName, Instant signedAt, boolean patientObjectsToGpReport)
        implements ConsiliumEvent {
}
