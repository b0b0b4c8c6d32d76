package nl.consilium.consult;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the test SMTP server ({@link MailServer}) received for one address, read over IMAP. */
final class Mailbox {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Mailbox() {
    }

    /** One received email. */
    record Received(String from, List<String> to, String subject, String body) {
    }

    /** Waits until {@code address} has {@code count} emails (at least), and returns them, oldest first. */
    static List<Received> await(String address, int count) {
        List<List<Received>> found = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Received> now = of(address);
            found.clear();
            found.add(now);
            return now.size() >= count;
        });
        return found.getFirst();
    }

    /** The emails {@code address} has now, oldest first. */
    static List<Received> of(String address) {
        int port = ConfigProvider.getConfig().getValue(MailServer.IMAP_PORT, Integer.class);
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Received> received = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    received.add(new Received(
                            m.getFrom() == null ? null : m.getFrom()[0].toString(),
                            m.getAllRecipients() == null ? List.of()
                                    : Arrays.stream(m.getAllRecipients()).map(Address::toString).toList(),
                            m.getSubject(), m.getContent().toString()));
                }
                return received;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the test mailbox: " + e, e);
        }
    }
}
