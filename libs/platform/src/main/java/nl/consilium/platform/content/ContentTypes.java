package nl.consilium.platform.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Declared content types against the bytes' magic numbers: what the gateway checks on ZorgDomein's
 * attachments and intake on uploaded dossier documents. Pure functions.
 */
public final class ContentTypes {

    /** The signature family of each content type with a known signature. */
    private static final Map<String, String> FAMILY = Map.ofEntries(
            Map.entry("application/pdf", "application/pdf"),
            Map.entry("image/png", "image/png"),
            Map.entry("image/jpeg", "image/jpeg"),
            Map.entry("image/jpg", "image/jpeg"),
            Map.entry("image/gif", "image/gif"),
            Map.entry("image/tiff", "image/tiff"),
            Map.entry("application/zip", "application/zip"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"),
            Map.entry("application/vnd.oasis.opendocument.text", "application/zip"),
            Map.entry("application/msword", "application/x-ole-storage"),
            Map.entry("application/vnd.ms-excel", "application/x-ole-storage"),
            Map.entry("application/dicom", "application/dicom"));

    /** Types that carry text: verified when the bytes have no binary signature and no NUL byte. */
    private static final Set<String> TEXTUAL_APPLICATION = Set.of("application/xml", "application/json",
            "application/fhir+json", "application/fhir+xml", "application/hl7-v3+xml", "application/rtf");

    private ContentTypes() {
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param verifiable whether the declared type could be checked against the bytes (false for types
     *        without a signature, such as application/octet-stream)
     * @param detected the type the bytes' magic number shows; null when not recognised
     * @param mismatch whether the bytes contradict the declared type
     */
    public record Verdict(boolean verifiable, String detected, boolean mismatch) {
    }

    /** {@code type/subtype} in lower case, parameters dropped; null for a blank value. */
    public static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        int semicolon = declared.indexOf(';');
        String type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** The content type the bytes' magic number shows, if a known one. */
    public static Optional<String> detect(byte[] b) {
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0, 'I', 'I', '*', 0) || startsWith(b, 0, 'M', 'M', 0, '*')) {
            return Optional.of("image/tiff");
        }
        if (startsWith(b, 0, 'P', 'K', 3, 4) || startsWith(b, 0, 'P', 'K', 5, 6)) {
            return Optional.of("application/zip");
        }
        if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of("application/x-ole-storage");
        }
        if (startsWith(b, 128, 'D', 'I', 'C', 'M')) {
            return Optional.of("application/dicom");
        }
        return Optional.empty();
    }

    /**
     * Checks a declared (normalised) content type against the bytes: a mismatch when the type has a
     * signature the bytes lack, or is textual while the bytes are a known binary format or hold NUL.
     */
    public static Verdict check(String declared, byte[] data) {
        String detected = detect(data).orElse(null);
        String family = FAMILY.get(declared);
        if (family != null) {
            boolean matches = family.equals(detected);
            return new Verdict(true, detected, !matches);
        }
        if (declared.startsWith("text/") || TEXTUAL_APPLICATION.contains(declared)) {
            boolean binary = detected != null || indexOf(data, (byte) 0) >= 0;
            return new Verdict(true, detected, binary);
        }
        return new Verdict(false, detected, false);
    }

    private static boolean startsWith(byte[] bytes, int offset, int... prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[offset + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
