package nl.consilium.events.consult;

import java.time.Instant;
import java.util.UUID;
import nl.consilium.events.ConsiliumEvent;

/**
 * The patient did not show up for the video consult. Owned by consult; scheduling plans a new slot
 * the first time, and puts the case on the coordinator's list after that.
 *
 * @param noShows how many times this referral's patient did not show up, this one included
 */
public record ConsultNoShow(UUID referralId, UUID consultId, UUID patientId, String specialistAgb, Instant startsAt,
        Instant recordedAt, int noShows) implements ConsiliumEvent {
}
