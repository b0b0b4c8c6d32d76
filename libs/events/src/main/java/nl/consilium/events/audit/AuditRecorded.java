package nl.consilium.events.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * One NEN 7513 access record: who did what to which patient's data, when, from where, with what
 * outcome. Keyed by the patient id so that one patient's records stay in order.
 *
 * @param action a stable verb such as {@code referral.read} or {@code intake.decide}
 * @param resource the kind and id of what was touched, e.g. {@code IntakeCase/4f…}
 * @param onBehalfOf the person the user acted for, when not themselves (null otherwise)
 */
public record AuditRecorded(
        UUID auditId,
        Instant occurredAt,
        String service,
        String action,
        UUID patientId,
        UUID referralId,
        String resource,
        String userSubject,
        List<String> userRoles,
        String onBehalfOf,
        String clientAddress,
        AuditOutcome outcome) implements ConsiliumEvent {

    @Override
    public String partitionKey() {
        return patientId.toString();
    }
}
