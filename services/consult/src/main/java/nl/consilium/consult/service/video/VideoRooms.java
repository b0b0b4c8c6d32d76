package nl.consilium.consult.service.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import nl.consilium.consult.domain.Consult;
import nl.consilium.consult.domain.video.VideoRoom;
import nl.consilium.consult.domain.video.VideoRoomProvider;
import nl.consilium.consult.domain.video.VideoRoomProvider.JoinRequest;
import nl.consilium.consult.domain.video.VideoRoomProvider.Participant;

/**
 * The consult's video room: issued when the consult is scheduled, again when it moves or the
 * specialist asks, closed when it ends. Every name goes into {@code video_room} (its primary key), so
 * no name is ever issued twice; the links handed out point at the consult's open room only.
 */
@ApplicationScoped
public class VideoRooms {

    @Inject
    VideoRoomProvider provider;

    /** Issues a new room for the consult and closes the one it had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public VideoRoom issue(Consult consult, VideoRoom.Reason reason, Instant at) {
        VideoRoom.openRoomOf(consult.referralId()).ifPresent(old -> old.close(VideoRoom.CloseReason.REPLACED, at));
        // the old room's close first: Hibernate would insert the new room before updating the old
        // one, and the database allows one open room per consult
        VideoRoom.flush();
        VideoRoom room = VideoRoom.issue(provider.newRoomName(), consult.referralId(), provider.name(), reason, at);
        room.persist();
        consult.roomIssued(room.roomName());
        return room;
    }

    /** Closes the consult's open room, if it has one (the consult ended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(Consult consult, Instant at) {
        VideoRoom.openRoomOf(consult.referralId()).ifPresent(room -> room.close(VideoRoom.CloseReason.CONSULT_ENDED, at));
    }

    /** The open room of the consult. */
    public Optional<VideoRoom> openRoom(Consult consult) {
        return consult.roomName() == null ? Optional.empty() : VideoRoom.openRoomOf(consult.referralId());
    }

    /** The patient's link into the consult's open room. */
    public Optional<URI> patientLink(Consult consult, Instant now) {
        return link(consult, Participant.patient(), now);
    }

    /** The specialist's (moderator's) link into the consult's open room. */
    public Optional<URI> specialistLink(Consult consult, Instant now) {
        return link(consult, Participant.specialist(consult.specialistName()), now);
    }

    /** When the links of a consult ending at {@code endsAt} expire; empty when they do not. */
    public Optional<Instant> linkExpiry(Instant endsAt) {
        return provider.linkExpiry(endsAt);
    }

    public String providerName() {
        return provider.name();
    }

    private Optional<URI> link(Consult consult, Participant participant, Instant now) {
        if (consult.roomName() == null || !consult.status().isUpcoming()) {
            return Optional.empty();
        }
        return Optional.of(provider.joinUrl(new JoinRequest(consult.roomName(), participant, consult.endsAt(), now)));
    }
}
