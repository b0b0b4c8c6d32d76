package nl.consilium.identifiers;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The Dutch identifiers the platform checks (DOMAIN.md §3–§4). Pure functions, no dependencies.
 */
public final class DutchIdentifiers {

    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern BIG = Pattern.compile("\\d{11}");
    private static final Pattern ZD_NUMBER = Pattern.compile("ZD\\d{9}");

    /** AGB provider type (zorgverlenersoort, the first two digits) of general practitioners. */
    public static final String AGB_TYPE_GP = "01";
    /** AGB provider type of medical specialists. */
    public static final String AGB_TYPE_SPECIALIST = "03";

    private DutchIdentifiers() {
    }

    /** The 11-proef: 9 digits, 9·d1+8·d2+…+2·d8−1·d9 ≡ 0 (mod 11), not all zeros. */
    public static boolean isValidBsn(String bsn) {
        if (bsn == null || bsn.length() != 9 || !bsn.chars().allMatch(c -> c >= '0' && c <= '9')
                || bsn.equals("000000000")) {
            return false;
        }
        return bsnCheckDigit(bsn.substring(0, 8)) == bsn.charAt(8) - '0';
    }

    /**
     * The digit that makes 8 digits a BSN under the 11-proef, or -1 when there is none (the
     * weighted sum 9·d1+…+2·d8 leaves 10 modulo 11).
     */
    public static int bsnCheckDigit(String eightDigits) {
        if (eightDigits == null || eightDigits.length() != 8 || !eightDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("eight digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (eightDigits.charAt(i) - '0');
        }
        int check = Math.floorMod(sum, 11);
        return check == 10 ? -1 : check;
    }

    /**
     * A random BSN that passes the 11-proef, first digit not 0 like most issued BSNs (for test data
     * and the demo: fictitious persons only).
     */
    public static String randomBsn(RandomGenerator random) {
        while (true) {
            String eight = (1 + random.nextInt(9)) + String.format("%07d", random.nextInt(10_000_000));
            int check = bsnCheckDigit(eight);
            String bsn = eight + check;
            if (check >= 0 && isValidBsn(bsn)) {
                return bsn;
            }
        }
    }

    /** An AGB code: 8 digits (2-digit provider type, 6-digit number). */
    public static boolean isValidAgb(String agb) {
        return agb != null && AGB.matcher(agb).matches();
    }

    /** A BIG registration number: 11 digits. */
    public static boolean isValidBig(String big) {
        return big != null && BIG.matcher(big).matches();
    }

    /** A ZorgDomein referral number: {@code ZD} and 9 digits. */
    public static boolean isValidZorgDomeinNumber(String value) {
        return value != null && ZD_NUMBER.matcher(value).matches();
    }
}
