package nl.consilium.consult.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The consult service's own settings (CONSILIUM_CONSULT_...); the SMTP server is quarkus.mailer.*. */
@ConfigMapping(prefix = "consilium.consult")
public interface ConsultConfig {

    Video video();

    Mail mail();

    /**
     * Where intake serves the dossier documents, e.g. {@code https://consilium.example.org} (an absolute
     * http(s) URL, maybe with a path prefix): a consult's {@code dossier[].downloadUrl} is intake's path
     * {@code /api/intake/cases/{referralId}/dossier/documents/{documentId}} under it. Not set: the path
     * alone, for a UI that reaches every service under one origin.
     */
    Optional<URI> intakeBaseUrl();

    /** The video room of a consult. */
    interface Video {

        /** {@code jitsi} (Jitsi Meet) or {@code url-template} (any service that takes a room name in its URL). */
        @WithDefault("jitsi")
        String provider();

        /** The URL of the room for the {@code url-template} provider; {@code {room}} is replaced by the room name. */
        Optional<String> urlTemplate();

        Jitsi jitsi();

        interface Jitsi {

            /** The Jitsi Meet deployment, e.g. {@code https://meet.example.org}; rooms are {@code <base-url>/<room>}. */
            @WithDefault("https://meet.jit.si")
            String baseUrl();

            /**
             * The application id the Jitsi deployment's token authentication knows ({@code iss} of the join
             * token). With {@link #appSecret()} it makes every join link carry a signed token.
             */
            Optional<String> appId();

            /** The shared secret (HS256, at least 32 bytes) of the Jitsi deployment's token authentication. */
            Optional<String> appSecret();

            /** The {@code sub} of the join token: the Jitsi deployment's domain; the base URL's host when not set. */
            Optional<String> domain();

            /** How long after the consult's end a join token still works. */
            @WithDefault("PT1H")
            Duration tokenGrace();

            /** How long before its issuing a join token is valid already ({@code nbf}), for clock skew. */
            @WithDefault("PT1M")
            @WithName("clock-skew")
            Duration clockSkew();
        }
    }

    /** The patient's emails: written to pending_email with the change, sent after the commit. */
    interface Mail {

        /** Whether this instance sends the pending emails at all (rows wait while it does not). */
        @WithDefault("true")
        boolean senderEnabled();

        /** How often the sender looks for due emails when no commit woke it. */
        @WithDefault("PT10S")
        Duration pollInterval();

        /** The wait after the first failed attempt; it doubles with every further failure. */
        @WithDefault("PT30S")
        Duration retryBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("PT30M")
        Duration maxRetryBackoff();

        /** Attempts before an email is given up (marked failed, logged without its content). */
        @WithDefault("12")
        int maxAttempts();
    }
}
