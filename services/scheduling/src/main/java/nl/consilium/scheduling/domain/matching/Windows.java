package nl.consilium.scheduling.domain.matching;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** Small helpers for wall-clock windows, kept as seconds of the day in flat {@code [from0, to0, from1, to1, ...]} arrays. */
final class Windows {

    static final int[] NONE = new int[0];

    private Windows() {
    }

    static void requireOrdered(LocalTime from, LocalTime to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a window must end after it starts: " + from + "–" + to);
        }
    }

    /**
     * The union of windows given as a flat array of pairs: sorted, with overlapping and touching
     * windows merged into one (09:00–10:15 and 10:15–12:00 become 09:00–12:00).
     */
    static int[] merge(int[] pairs) {
        int n = pairs.length / 2;
        if (n <= 1) {
            return pairs.length == 0 ? NONE : pairs.clone();
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) pairs[2 * i] << 32) | (pairs[2 * i + 1] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] out = new int[2 * n];
        int size = 0;
        for (long p : packed) {
            int from = (int) (p >>> 32);
            int to = (int) p;
            if (size > 0 && from <= out[size - 1]) {
                out[size - 1] = Math.max(out[size - 1], to);
            } else {
                out[size++] = from;
                out[size++] = to;
            }
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    /** The union of two merged window arrays. */
    static int[] union(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return merge(both);
    }

    /** Whether {@code [from, to)} lies wholly inside one of the merged windows. */
    static boolean contains(int[] merged, int from, int to) {
        for (int i = 0; i < merged.length; i += 2) {
            if (merged[i] <= from && to <= merged[i + 1]) {
                return true;
            }
            if (merged[i] > from) {
                return false;
            }
        }
        return false;
    }

    /** A code compared ignoring case and surrounding spaces (languages, organisations, focus areas); null stays null. */
    static String normalise(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }
}
