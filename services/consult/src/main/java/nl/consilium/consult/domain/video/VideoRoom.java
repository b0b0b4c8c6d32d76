package nl.consilium.consult.domain.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every room ever issued, by name (the primary key): a name is issued once and never again, so a link
 * to a closed room can never lead into another consult's room. A consult has at most one open room;
 * issuing a new one closes the one before.
 */
@Entity
@Table(name = "video_room")
public class VideoRoom extends PanacheEntityBase {

    /** Why a room was issued. */
    public enum Reason {
        /** The consult was booked. */
        BOOKED,
        /** Scheduling moved the consult (another time or specialist). */
        RESCHEDULED,
        /** The specialist asked for a new room. */
        REQUESTED
    }

    /** Why a room was closed. */
    public enum CloseReason {
        /** Another room replaced it. */
        REPLACED,
        /** The consult ended: completed, no-show or cancelled. */
        CONSULT_ENDED
    }

    @Id
    @Column(name = "room_name")
    private String roomName;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(name = "provider", nullable = false)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    private Reason reason;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    private CloseReason closeReason;

    protected VideoRoom() {
    }

    /** A new room for the consult of {@code referralId}; persist it in the transaction that uses it. */
    public static VideoRoom issue(String roomName, UUID referralId, String provider, Reason reason, Instant at) {
        if (!RoomNames.isWellFormed(roomName)) {
            throw new IllegalArgumentException("Not a room name made by RoomNames");
        }
        VideoRoom room = new VideoRoom();
        room.roomName = roomName;
        room.referralId = Objects.requireNonNull(referralId, "referralId");
        room.provider = Objects.requireNonNull(provider, "provider");
        room.reason = Objects.requireNonNull(reason, "reason");
        room.issuedAt = Objects.requireNonNull(at, "at");
        return room;
    }

    /** The open room of the consult, if any. */
    public static Optional<VideoRoom> openRoomOf(UUID referralId) {
        return find("referralId = ?1 and closedAt is null", referralId).firstResultOptional();
    }

    /** Closes the room: no link to it is handed out any more. */
    public void close(CloseReason why, Instant at) {
        if (closedAt == null) {
            this.closedAt = Objects.requireNonNull(at, "at");
            this.closeReason = Objects.requireNonNull(why, "why");
        }
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public String roomName() { return roomName; }
    public UUID referralId() { return referralId; }
    public String provider() { return provider; }
    public Reason reason() { return reason; }
    public Instant issuedAt() { return issuedAt; }
    public Instant closedAt() { return closedAt; }
    public CloseReason closeReason() { return closeReason; }
}
