package nl.consilium.consult;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads and checks the Jitsi join links the service hands out, independently of the library that signs them. */
final class JoinTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https://meet\\.consilium\\.test/[a-z2-7]{32}(\\?jwt=[A-Za-z0-9_.-]+)?");

    private JoinTokens() {
    }

    /** A join link: the room (last path segment) and the token's header and claims. */
    record Link(URI url, String room, JsonNode header, JsonNode claims) {
    }

    /** The first join link in {@code text}. */
    static String linkIn(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a join link in: " + text).isTrue();
        return m.group();
    }

    /** Parses the link and checks the token's HS256 signature with the test secret. */
    static Link verify(String link) {
        URI url = URI.create(link);
        String room = url.getPath().substring(1);
        String query = url.getQuery();
        assertThat(query).as("a signed link has ?jwt=").startsWith("jwt=");
        String token = query.substring("jwt=".length());
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(MailServer.JITSI_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] actual = Base64.getUrlDecoder().decode(parts[2]);
            assertThat(MessageDigest.isEqual(expected, actual)).as("HS256 signature with the app secret").isTrue();
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return new Link(url, room, header, claims);
        } catch (Exception e) {
            throw new AssertionError("Cannot check the join token: " + e, e);
        }
    }

    /** Whether the token's signature checks out with {@code secret}. */
    static boolean signedWith(String link, String secret) {
        String token = URI.create(link).getQuery().substring("jwt=".length());
        String[] parts = token.split("\\.");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
