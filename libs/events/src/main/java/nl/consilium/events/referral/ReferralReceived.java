package nl.consilium.events.referral;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;
import nl.consilium.events.common.PatientDetails;
import nl.consilium.events.common.Referrer;

/**
 * A referral for a second opinion has been accepted from ZorgDomein. Owned by referral-gateway.
 *
 * @param referralId our id of the referral; the key of every event about it
 * @param zorgDomeinNumber ZorgDomein's own reference for the referral (ZD number)
 * @param receivedAt when the gateway accepted the document
 * @param patientId our pseudonymous patient id (never the BSN)
 * @param patient who the patient is, for the nurse who calls them
 * @param referrer the GP who referred
 * @param requestedProduct the ZorgDomein product the GP chose
 * @param treatingSpecialty the specialty of the doctor the patient wants a second opinion on
 * @param treatingHospital where the patient is treated now (the second opinion is elsewhere)
 * @param treatingSpecialist the treating specialist, when the referrer named one; may be null (added in v1, optional)
 */
public record ReferralReceived(
        UUID referralId,
        String zorgDomeinNumber,
        Instant receivedAt,
        UUID patientId,
        PatientDetails patient,
        Referrer referrer,
        String requestedProduct,
        String treatingSpecialty,
        String treatingHospital,
        String treatingSpecialist) implements ConsiliumEvent {
}
