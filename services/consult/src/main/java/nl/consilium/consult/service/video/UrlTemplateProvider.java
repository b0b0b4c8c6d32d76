package nl.consilium.consult.service.video;

import java.net.URI;
import java.util.Objects;
import nl.consilium.consult.domain.video.VideoRoomProvider;

/**
 * Any video service that opens a room by name in its URL: {@code {room}} in the template becomes the
 * room name (e.g. {@code https://video.example.org/{room}}). No tokens: the unguessable, never reused
 * room name is the only key, and a closed room's link stays as it was on the video service's side.
 */
public final class UrlTemplateProvider implements VideoRoomProvider {

    public static final String NAME = "url-template";
    static final String PLACEHOLDER = "{room}";

    private final String template;

    public UrlTemplateProvider(String template) {
        this.template = Objects.requireNonNull(template, "template").strip();
        if (!this.template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("consilium.consult.video.url-template must contain " + PLACEHOLDER);
        }
        URI example = URI.create(this.template.replace(PLACEHOLDER, "room"));
        if (!example.isAbsolute() || example.getHost() == null) {
            throw new IllegalArgumentException("consilium.consult.video.url-template must be an absolute URL");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URI joinUrl(JoinRequest request) {
        return URI.create(template.replace(PLACEHOLDER, request.roomName()));
    }
}
