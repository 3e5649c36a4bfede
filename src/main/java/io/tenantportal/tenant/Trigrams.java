package io.tenantportal.tenant;

import java.util.Arrays;

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
        int[] codePoints = key.codePoints().toArray();
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
        if (trigrams.length == 0) {
            return trigrams;
        }
        long[] sorted = trigrams.clone();
        Arrays.sort(sorted);
        int n = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
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
        double best = 0;
        long[] extent = new long[nameOrdered.length];
        for (int from = 0; from < nameOrdered.length; from++) {
            if (Arrays.binarySearch(querySet, nameOrdered[from]) < 0) {
                continue;
            }
            int size = 0;
            int shared = 0;
            for (int to = from; to < nameOrdered.length; to++) {
                long trigram = nameOrdered[to];
                if (indexOf(extent, size, trigram) >= 0) {
                    continue;
                }
                extent[size++] = trigram;
                if (Arrays.binarySearch(querySet, trigram) >= 0) {
                    shared++;
                    best = Math.max(best, (double) shared / (querySet.length + size - shared));
                }
            }
        }
        return best;
    }

    private static int indexOf(long[] values, int size, long value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
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
