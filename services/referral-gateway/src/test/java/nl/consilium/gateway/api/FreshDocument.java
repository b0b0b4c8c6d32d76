package nl.consilium.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** A sample of {@code src/test/resources/zorgdomein/} as a new document: fresh Bundle.id, ZD number and BSN. */
record FreshDocument(String text, String bundleId, String zdNumber) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static FreshDocument of(String sample) {
        String text;
        try (InputStream in = FreshDocument.class.getResourceAsStream("/zorgdomein/" + sample)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String oldId = text.replaceAll("(?s).*?(1a000000-0000-4000-8000-00000000000\\d).*", "$1");
        String bundleId = UUID.randomUUID().toString();
        String zdNumber = "ZD" + String.format(Locale.ROOT, "%09d", RANDOM.nextInt(1_000_000_000));
        return new FreshDocument(text.replace(oldId, bundleId).replace("ZD200000001", zdNumber)
                .replace("999999990", validBsn()), bundleId, zdNumber);
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String validBsn() {
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + RANDOM.nextInt(9);
            int sum = 9 * d[0];
            for (int i = 1; i < 8; i++) {
                d[i] = RANDOM.nextInt(10);
                sum += (9 - i) * d[i];
            }
            if (sum % 11 == 10) {
                continue;
            }
            d[8] = sum % 11;
            StringBuilder s = new StringBuilder();
            for (int digit : d) {
                s.append(digit);
            }
            return s.toString();
        }
    }
}
