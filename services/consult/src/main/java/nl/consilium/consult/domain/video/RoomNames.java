package nl.consilium.consult.domain.video;

import java.security.SecureRandom;

/**
 * Room names: 160 bits from a {@link SecureRandom}, written as 32 characters of lower-case base32
 * ({@code a-z}, {@code 2-7}). Lower case only, because Jitsi Meet folds room names to lower case: a
 * mixed-case name would lose entropy there, and two names differing in case only would be one room.
 * Nothing in a name comes from an id, so a name says nothing about the consult, and one cannot be
 * derived from another.
 */
public final class RoomNames {

    /** Random bits per name. */
    public static final int BITS = 160;
    /** Characters per name. */
    public static final int LENGTH = BITS / 5;

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomNames() {
    }

    public static String next() {
        byte[] bytes = new byte[BITS / 8];
        RANDOM.nextBytes(bytes);
        StringBuilder name = new StringBuilder(LENGTH);
        int buffer = 0;
        int bitsInBuffer = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5) {
                bitsInBuffer -= 5;
                name.append(ALPHABET[(buffer >> bitsInBuffer) & 0x1f]);
            }
        }
        return name.toString();
    }

    /** Whether {@code name} has the shape of a name made here. */
    public static boolean isWellFormed(String name) {
        return name != null && name.length() == LENGTH && name.chars().allMatch(c -> (c >= 'a' && c <= 'z')
                || (c >= '2' && c <= '7'));
    }
}
