package io.tenantportal.tenant;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Trigrams the way PostgreSQL's pg_trgm makes them, so suggestions rank names as the database did: a
 * name splits into words of letters and digits, each word is padded with two spaces in front and one
 * behind, and every run of three characters is a trigram. A trigram is packed into a long (three code
 * points of 21 bits each), so sets of them are plain sorted arrays.
 */
final class Trigrams {

    private static final long[] NONE = new long[0];
    private static final int SPACE = ' ';

    private Trigrams() {
    }

    /** The trigrams of a name key in the order they occur, repeats included. */
    static long[] ordered(String key) {
        int[] codePoints = codePoints(key);
        long[] out = new long[codePoints.length * 3 + 3];
        int n = 0;
        int i = 0;
        while (i < codePoints.length) {
            while (i < codePoints.length && !Character.isLetterOrDigit(codePoints[i])) {
                i++;
            }
            int start = i;
            while (i < codePoints.length && Character.isLetterOrDigit(codePoints[i])) {
                i++;
            }
            if (i > start) {
                n = word(codePoints, start, i, out, n);
            }
        }
        return n == 0 ? NONE : Arrays.copyOf(out, n);
    }

    /** A plain loop: String.codePoints() builds a stream pipeline, which costs more than the trigrams here. */
    private static int[] codePoints(String key) {
        int[] out = new int[key.length()];
        int n = 0;
        for (int i = 0; i < key.length(); ) {
            int codePoint = key.codePointAt(i);
            out[n++] = codePoint;
            i += Character.charCount(codePoint);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int word(int[] cp, int start, int end, long[] out, int n) {
        // "  w o r d " : positions -2 .. end, where -2, -1 and end are spaces
        int length = end - start;
        for (int p = -2; p + 2 <= length; p++) {
            out[n++] = pack(at(cp, start, end, p), at(cp, start, end, p + 1), at(cp, start, end, p + 2));
        }
        return n;
    }

    private static int at(int[] cp, int start, int end, int p) {
        int index = start + p;
        return index < start || index >= end ? SPACE : cp[index];
    }

    private static long pack(int a, int b, int c) {
        return ((long) a << 42) | ((long) b << 21) | c;
    }

    /** The distinct trigrams of a name key, sorted. */
    static long[] set(String key) {
        return distinct(ordered(key));
    }

    static long[] distinct(long[] trigrams) {
        return distinctInPlace(trigrams.clone());
    }

    /** The distinct trigrams of the array, in order; sorts the array itself, which the caller gives up. */
    static long[] distinctInPlace(long[] trigrams) {
        if (trigrams.length == 0) {
            return NONE;
        }
        Arrays.sort(trigrams);
        int n = 1;
        for (int i = 1; i < trigrams.length; i++) {
            if (trigrams[i] != trigrams[n - 1]) {
                trigrams[n++] = trigrams[i];
            }
        }
        return n == trigrams.length ? trigrams : Arrays.copyOf(trigrams, n);
    }

    /** pg_trgm's similarity(): shared trigrams over all trigrams of both. */
    static double similarity(long[] setA, long[] setB) {
        if (setA.length == 0 || setB.length == 0) {
            return 0;
        }
        int shared = shared(setA, setB);
        return (double) shared / (setA.length + setB.length - shared);
    }

    /**
     * pg_trgm's word_similarity(query, name): the best similarity between the query's trigrams and any
     * continuous extent of the name's trigrams, so a fragment such as "Woodgrove" of a longer name scores high.
     */
    static double wordSimilarity(long[] querySet, long[] nameOrdered) {
        return wordSimilarity(querySet, nameOrdered, 0);
    }

    /** {@link #wordSimilarity(long[], long[])} when it is at least {@code atLeast}; otherwise some value below it. */
    static double wordSimilarity(long[] querySet, long[] nameOrdered, double atLeast) {
        long[] distinct = distinct(nameOrdered);
        int[] name = new int[nameOrdered.length];
        for (int i = 0; i < name.length; i++) {
            name[i] = Arrays.binarySearch(distinct, nameOrdered[i]);
        }
        boolean[] inQuery = new boolean[distinct.length];
        for (int d = 0; d < distinct.length; d++) {
            inQuery[d] = Arrays.binarySearch(querySet, distinct[d]) >= 0;
        }
        markRepeats(name, 0, name.length);
        return wordSimilarity(name, 0, name.length, id -> inQuery[id], querySet.length, atLeast);
    }

    /** Turns each trigram number in {@code [start, end)} that occurred before in that range into its {@link #repeat}. */
    static void markRepeats(int[] names, int start, int end) {
        for (int i = start; i < end; i++) {
            for (int j = i - 1; j >= start; j--) {
                if (trigram(names[j]) == names[i]) {
                    names[i] = repeat(names[i]);
                    break;
                }
            }
        }
    }

    /** A trigram number (0 or more) as held where it repeats one met before in the same name: negative. */
    static int repeat(int trigram) {
        return ~trigram;
    }

    /** The trigram number of an entry, whether first in its name or a {@link #repeat}. */
    static int trigram(int entry) {
        return entry < 0 ? ~entry : entry;
    }

    /**
     * Word similarity over a name whose trigrams are given as numbers (equal trigrams, equal numbers; one
     * met before in the name as its {@link #repeat}), held at {@code [start, end)} of {@code names}, as
     * {@link SimilarNames} keeps all names in one array. An extent stops growing, and a start is not tried,
     * once the query trigrams still ahead could not reach the better of {@code atLeast} and the best so far;
     * for the names a suggestion query touches that leaves one or two short passes instead of every extent.
     * The answer is exact when it is at least {@code atLeast}.
     */
    static double wordSimilarity(int[] names, int start, int end, IntPredicate inQuery, int queryLength,
            double atLeast) {
        int n = end - start;
        // back[i]: how far back the same trigram last occurred (0: not before); worked out here, for the
        // few names that get this far, rather than held for every name
        int[] trigram = new int[n];
        int[] back = new int[n];
        boolean[] repeatedLater = new boolean[n];
        for (int i = 0; i < n; i++) {
            trigram[i] = trigram(names[start + i]);
            for (int j = i - 1; names[start + i] < 0 && j >= 0; j--) {
                if (trigram[j] == trigram[i]) {
                    back[i] = i - j;
                    repeatedLater[j] = true;
                    break;
                }
            }
        }
        // matchedFrom[i]: distinct query trigrams at positions i and after, the most an extent from i can share
        int[] matchedFrom = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            matchedFrom[i] = matchedFrom[i + 1] + (!repeatedLater[i] && inQuery.test(trigram[i]) ? 1 : 0);
        }
        double best = 0;
        for (int from = 0; from < n; from++) {
            if ((double) matchedFrom[from] / queryLength < Math.max(best, atLeast)) {
                break;
            }
            if (!inQuery.test(trigram[from])) {
                continue;
            }
            int size = 0;
            int shared = 0;
            for (int to = from; to < n; to++) {
                if (back[to] > 0 && to - back[to] >= from) {
                    continue; // already in the extent
                }
                size++;
                if (inQuery.test(trigram[to])) {
                    shared++;
                    best = Math.max(best, (double) shared / (queryLength + size - shared));
                }
                if ((double) (shared + matchedFrom[to + 1]) / queryLength < Math.max(best, atLeast)) {
                    break;
                }
            }
        }
        return best;
    }

    /** How many trigrams two sorted sets share. */
    static int shared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}
