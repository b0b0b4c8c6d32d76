package nl.consilium.gateway.domain.transmural;

import java.util.Locale;
import java.util.Set;

/** One yes/no answer of the referral questionnaire; {@link #UNKNOWN} when missing or not understood. */
public enum Answer {
    YES,
    NO,
    UNKNOWN;

    private static final Set<String> YES_WORDS = Set.of("yes", "y", "ja", "j", "true", "1");
    private static final Set<String> NO_WORDS = Set.of("no", "n", "nee", "false", "0");

    /** {@code null} is {@link #UNKNOWN}. */
    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    /**
     * Reads an answer as questionnaires deliver it: yes/ja/j/y/true/1 and no/nee/n/false/0, any case,
     * surrounding blanks ignored. Anything else (null, blank, "onbekend", "weet niet", …) is {@link #UNKNOWN}.
     */
    public static Answer parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (YES_WORDS.contains(word)) {
            return YES;
        }
        if (NO_WORDS.contains(word)) {
            return NO;
        }
        return UNKNOWN;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
