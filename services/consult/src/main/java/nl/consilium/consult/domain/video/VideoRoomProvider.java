package nl.consilium.consult.domain.video;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the video consult takes place. A provider names new rooms and makes the link a participant
 * joins with; the consult service decides when a room is issued (booking, reschedule, the
 * specialist's request) and remembers every room name it ever issued, so that none is used twice.
 */
public interface VideoRoomProvider {

    /** {@code jitsi} or {@code url-template}: what the configuration selected. */
    String name();

    /**
     * A new room name: unguessable (at least 128 bits from a {@link java.security.SecureRandom}), safe in
     * a URL path, and never derived from a referral, consult or patient id. See {@link RoomNames}.
     */
    default String newRoomName() {
        return RoomNames.next();
    }

    /** The link with which {@code participant} joins {@code roomName}. */
    URI joinUrl(JoinRequest request);

    /** When the links for a consult ending at {@code consultEndsAt} stop working; empty when they do not expire. */
    default Optional<Instant> linkExpiry(Instant consultEndsAt) {
        return Optional.empty();
    }

    /**
     * One participant's way into one room.
     *
     * @param consultEndsAt when the booked consult ends; a provider with expiring links lets them expire
     *     a grace period after it
     * @param issuedAt now
     */
    record JoinRequest(String roomName, Participant participant, Instant consultEndsAt, Instant issuedAt) {
    }

    /**
     * Who joins: the name other participants see, and whether they run the meeting (the specialist).
     * The patient is shown as "Patiënt", not by name: join links travel by email and through the
     * video service's logs.
     */
    record Participant(String displayName, boolean moderator) {

        public static Participant specialist(String name) {
            return new Participant(name == null || name.isBlank() ? "Specialist" : name, true);
        }

        public static Participant patient() {
            return new Participant("Patiënt", false);
        }
    }
}
