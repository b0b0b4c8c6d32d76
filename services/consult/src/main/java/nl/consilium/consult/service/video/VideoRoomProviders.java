package nl.consilium.consult.service.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import nl.consilium.consult.config.ConsultConfig;
import nl.consilium.consult.domain.video.VideoRoomProvider;

/** The provider {@code consilium.consult.video.provider} selects ({@code jitsi} or {@code url-template}). */
@ApplicationScoped
public class VideoRoomProviders {

    @Produces
    @ApplicationScoped
    VideoRoomProvider provider(ConsultConfig config) {
        return of(config.video());
    }

    /** The provider these settings describe; a setting that makes no sense fails the start-up. */
    public static VideoRoomProvider of(ConsultConfig.Video video) {
        String provider = video.provider().strip().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case JitsiMeetProvider.NAME -> {
                ConsultConfig.Video.Jitsi jitsi = video.jitsi();
                yield new JitsiMeetProvider(jitsi.baseUrl(), jitsi.appId(), jitsi.appSecret(), jitsi.domain(),
                        jitsi.tokenGrace(), jitsi.clockSkew());
            }
            case UrlTemplateProvider.NAME -> new UrlTemplateProvider(video.urlTemplate().orElseThrow(() ->
                    new IllegalArgumentException("consilium.consult.video.url-template is required for the"
                            + " url-template provider")));
            default -> throw new IllegalArgumentException("consilium.consult.video.provider must be "
                    + JitsiMeetProvider.NAME + " or " + UrlTemplateProvider.NAME);
        };
    }
}
