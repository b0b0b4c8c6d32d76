package nl.consilium.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import nl.consilium.consult.domain.video.RoomNames;
import nl.consilium.consult.domain.video.VideoRoomProvider.JoinRequest;
import nl.consilium.consult.domain.video.VideoRoomProvider.Participant;
import nl.consilium.consult.service.video.JitsiMeetProvider;
import nl.consilium.consult.service.video.UrlTemplateProvider;
import org.junit.jupiter.api.Test;

/** The two providers and the room names, without Quarkus. */
class VideoRoomProvidersTest {

    private static final Instant END = Instant.parse("2026-11-25T09:30:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void roomNamesAreLongRandomLowerCaseAndDoNotRepeat() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String name = RoomNames.next();
            assertThat(name).matches("[a-z2-7]{32}");
            assertThat(RoomNames.isWellFormed(name)).isTrue();
            names.add(name);
        }
        assertThat(names).hasSize(10_000);
        assertThat(RoomNames.BITS).isGreaterThanOrEqualTo(128);
        assertThat(RoomNames.isWellFormed("Consult-1234")).isFalse();
    }

    @Test
    void theUrlTemplateProviderPutsTheRoomIntoTheTemplate() {
        UrlTemplateProvider provider = new UrlTemplateProvider("https://video.example.org/{room}?lang=nl");
        String room = provider.newRoomName();
        assertThat(provider.joinUrl(new JoinRequest(room, Participant.patient(), END, NOW)))
                .hasToString("https://video.example.org/" + room + "?lang=nl");
        assertThat(provider.name()).isEqualTo("url-template");
        assertThatThrownBy(() -> new UrlTemplateProvider("https://video.example.org/room"))
                .hasMessageContaining("{room}");
        assertThatThrownBy(() -> new UrlTemplateProvider("/relative/{room}")).hasMessageContaining("absolute");
    }

    @Test
    void jitsiWithoutAnAppSecretGivesPlainRoomLinks() {
        JitsiMeetProvider provider = new JitsiMeetProvider("https://meet.example.org/", Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(1));
        String room = provider.newRoomName();
        assertThat(provider.joinUrl(new JoinRequest(room, Participant.specialist("Dr. X"), END, NOW)))
                .hasToString("https://meet.example.org/" + room);
        assertThat(provider.signsTokens()).isFalse();
        assertThat(provider.linkExpiry(END)).isEmpty();
    }

    @Test
    void jitsiSettingsThatMakeNoSenseStopTheStart() {
        assertThatThrownBy(() -> new JitsiMeetProvider("https://meet.example.org", Optional.of("app"),
                Optional.empty(), Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(1)))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> new JitsiMeetProvider("https://meet.example.org", Optional.of("app"),
                Optional.of("too-short"), Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(1)))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new JitsiMeetProvider("meet.example.org", Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(1)))
                .hasMessageContaining("http(s) URL");
    }

    @Test
    void aJitsiTokenIsSignedForItsRoomOnlyAndExpiresAfterTheConsult() {
        JitsiMeetProvider provider = new JitsiMeetProvider("https://meet.consilium.test", Optional.of("consilium-test"),
                Optional.of(MailServer.JITSI_SECRET), Optional.empty(), Duration.ofMinutes(45), Duration.ofMinutes(2));
        String room = provider.newRoomName();
        JoinTokens.Link link = JoinTokens.verify(provider.joinUrl(
                new JoinRequest(room, Participant.specialist("Jeroen Smit"), END, NOW)).toString());
        assertThat(link.room()).isEqualTo(room);
        assertThat(link.claims().path("room").asText()).isEqualTo(room);
        assertThat(link.claims().path("sub").asText()).isEqualTo("meet.consilium.test");
        assertThat(link.claims().path("exp").asLong()).isEqualTo(END.plus(Duration.ofMinutes(45)).getEpochSecond());
        assertThat(link.claims().path("nbf").asLong()).isEqualTo(NOW.minus(Duration.ofMinutes(2)).getEpochSecond());
        assertThat(link.claims().path("context").path("user").path("moderator").asBoolean()).isTrue();
        assertThat(provider.linkExpiry(END)).contains(END.plus(Duration.ofMinutes(45)));
    }
}
