package nl.consilium.consult.service.video;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import nl.consilium.consult.domain.video.VideoRoomProvider;

/**
 * Jitsi Meet: a room is {@code <base-url>/<room>}. With an app id and secret (the deployment's token
 * authentication, {@code prosody} {@code app_id}/{@code app_secret}) every link carries a join token
 * for one participant and one room: HS256, {@code aud} "jitsi", {@code iss} the app id, {@code sub} the
 * deployment's domain, {@code room} the room name, {@code context.user.name} and
 * {@code context.user.moderator}, {@code nbf} (issued, less a clock-skew margin) and {@code exp} (the
 * consult's end plus a grace period). A token names its room, so it never opens another one.
 */
public final class JitsiMeetProvider implements VideoRoomProvider {

    public static final String NAME = "jitsi";
    /** The shortest secret HS256 is used with (the hash's size). */
    static final int MIN_SECRET_BYTES = 32;

    private final String baseUrl;
    private final Optional<Signing> signing;

    /** The deployment's token authentication. */
    record Signing(String appId, SecretKey key, String domain, Duration grace, Duration clockSkew) {
    }

    public JitsiMeetProvider(String baseUrl, Optional<String> appId, Optional<String> appSecret,
            Optional<String> domain, Duration grace, Duration clockSkew) {
        URI base = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").strip());
        if (!base.isAbsolute() || base.getHost() == null
                || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new IllegalArgumentException("consilium.consult.video.jitsi.base-url must be an http(s) URL");
        }
        String text = base.toString();
        this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        Optional<String> id = appId.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> secret = appSecret.filter(s -> !s.isEmpty());
        if (id.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException("consilium.consult.video.jitsi.app-id and app-secret go together:"
                    + " set both for signed join links, or neither");
        }
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("consilium.consult.video.jitsi.app-secret must be at least "
                    + MIN_SECRET_BYTES + " bytes (HS256)");
        }
        this.signing = id.map(i -> new Signing(i,
                new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                domain.map(String::strip).filter(s -> !s.isEmpty()).orElse(base.getHost()),
                Objects.requireNonNull(grace, "grace"), Objects.requireNonNull(clockSkew, "clockSkew")));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether links carry a signed join token. */
    public boolean signsTokens() {
        return signing.isPresent();
    }

    @Override
    public URI joinUrl(JoinRequest request) {
        String room = URI.create(baseUrl + "/" + request.roomName()).toString();
        return signing.map(s -> URI.create(room + "?jwt=" + token(s, request))).orElse(URI.create(room));
    }

    /** When a join token for a consult ending at {@code consultEndsAt} expires; empty without tokens. */
    @Override
    public Optional<Instant> linkExpiry(Instant consultEndsAt) {
        return signing.map(s -> consultEndsAt.plus(s.grace()));
    }

    private static String token(Signing signing, JoinRequest request) {
        Instant issued = request.issuedAt();
        return Jwt.claims()
                .claim("aud", "jitsi")
                .issuer(signing.appId())
                .subject(signing.domain())
                .claim("room", request.roomName())
                .claim("context", Map.of("user", Map.of(
                        "name", request.participant().displayName(),
                        "moderator", request.participant().moderator())))
                .issuedAt(issued.getEpochSecond())
                .claim("nbf", issued.minus(signing.clockSkew()).getEpochSecond())
                .expiresAt(request.consultEndsAt().plus(signing.grace()).getEpochSecond())
                .jws()
                .algorithm(SignatureAlgorithm.HS256)
                .sign(signing.key());
    }
}
