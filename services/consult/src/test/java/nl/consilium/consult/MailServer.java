package nl.consilium.consult;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real SMTP server for the consult's emails: GreenMail, in the test JVM, on free ports, with IMAP
 * beside it so that {@link Mailbox} reads what arrived the way a mail client would (over a socket:
 * the test and this resource may live in different class loaders). Started once per JVM, stopped by
 * a shutdown hook. Also the video settings of the tests: Jitsi with a test-only app id and secret.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    static final String IMAP_PORT = "consult-test.imap.port";
    static final String JITSI_BASE_URL = "https://meet.consilium.test";
    static final String JITSI_APP_ID = "consilium-test";
    static final String JITSI_DOMAIN = "meet.consilium.test";
    /** TEST ONLY. */
    static final String JITSI_SECRET = "test-only-jitsi-secret-0123456789abcdef";

    private static GreenMail server;
    private static int smtpPort;
    private static int imapPort;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            smtpPort = freePort();
            imapPort = freePort();
            GreenMail mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
            server = mail;
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(smtpPort));
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.tls", "false");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put(IMAP_PORT, String.valueOf(imapPort));
        config.put("consilium.consult.video.provider", "jitsi");
        config.put("consilium.consult.video.jitsi.base-url", JITSI_BASE_URL);
        config.put("consilium.consult.video.jitsi.app-id", JITSI_APP_ID);
        config.put("consilium.consult.video.jitsi.app-secret", JITSI_SECRET);
        config.put("consilium.consult.video.jitsi.token-grace", "PT1H");
        config.put("consilium.consult.mail.poll-interval", "PT1S");
        config.put("consilium.consult.mail.retry-backoff", "PT1S");
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class; the JVM's shutdown stops it
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
