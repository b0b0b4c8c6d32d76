package nl.consilium.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/**
 * The sample ZorgDomein documents of {@code src/test/resources/zorgdomein/}: one referral (ZD200000001,
 * patient BSN 999999990, GP AGB 01123456), every document type in JSON and XML.
 */
public final class Samples {

    static final String BUNDLE_ID_PREFIX = "1a000000-0000-4000-8000-00000000000";
    static final String ZD_NUMBER = "ZD200000001";
    static final String BSN = "999999990";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Samples() {
    }

    /** The sample's text, e.g. {@code text("appointment-request.xml")}. */
    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/zorgdomein/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8);
    }

    /** A sample as a new document of a new referral: fresh Bundle.id, ZD number and BSN. */
    public record Fresh(String text, String bundleId, String zdNumber, String bsn) {
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    public static Fresh fresh(String name) {
        return freshReferral().document(name);
    }

    /** A new referral (fresh ZD number and BSN) whose documents are the samples, each with a fresh Bundle.id. */
    public static FreshReferral freshReferral() {
        return new FreshReferral("ZD" + String.format(Locale.ROOT, "%09d", RANDOM.nextInt(1_000_000_000)),
                ZorgDomeinBundle.validBsn());
    }

    /** The samples as documents of one new referral. */
    public record FreshReferral(String zdNumber, String bsn) {
        /** A sample, e.g. {@code "referral-letter.xml"}, as a new document of this referral. */
        public Fresh document(String name) {
            String text = text(name);
            String bundleId = UUID.randomUUID().toString();
            String oldId = text.replaceAll("(?s).*?(" + BUNDLE_ID_PREFIX + "\\d).*", "$1");
            return new Fresh(text.replace(oldId, bundleId).replace(ZD_NUMBER, zdNumber).replace(BSN, bsn), bundleId,
                    zdNumber, bsn);
        }
    }
}
