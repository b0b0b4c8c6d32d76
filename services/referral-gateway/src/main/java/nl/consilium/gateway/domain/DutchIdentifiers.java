package nl.consilium.gateway.domain;

import java.util.regex.Pattern;

/** Checks on the Dutch identifiers a referral carries. */
public final class DutchIdentifiers {

    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern ZD_NUMBER = Pattern.compile("ZD\\d{9}");

    private DutchIdentifiers() {
    }

    /** The 11-proef: 9 digits, 9·d1+8·d2+…+2·d8−1·d9 ≡ 0 (mod 11), not all zeros. */
    public static boolean isValidBsn(String bsn) {
        if (bsn == null || bsn.length() != 9) {
            return false;
        }
        int sum = 0;
        boolean allZero = true;
        for (int i = 0; i < 9; i++) {
            char c = bsn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            allZero &= digit == 0;
            sum += (i < 8 ? 9 - i : -1) * digit;
        }
        return !allZero && Math.floorMod(sum, 11) == 0;
    }

    /** An AGB code: 8 digits (2-digit provider type, 6-digit number). */
    public static boolean isValidAgb(String agb) {
        return agb != null && AGB.matcher(agb).matches();
    }

    /** A ZorgDomein referral number: {@code ZD} and 9 digits. */
    public static boolean isValidZorgDomeinNumber(String value) {
        return value != null && ZD_NUMBER.matcher(value).matches();
    }
}
