package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * "Did you mean" over one MSSP's names, in memory: an inverted index from trigram to the names holding
 * it, built once from a set of customers and then only read. Scoring follows what the database did
 * before (pg_trgm): a name is similar when its similarity to the query is at least 0.3 (typos such as
 * "Contso") or its word similarity at least 0.6 (a fragment such as "Woodgrove" of a longer name); a
 * customer counts with its best name. A query touches only the names that share a trigram with it.
 */
final class SimilarNames {

    static final double MIN_SIMILARITY = 0.3;
    static final double MIN_WORD_SIMILARITY = 0.6;
    /** Float rounding must not drop a name that sits exactly on a threshold. */
    private static final double EPSILON = 1e-9;

    static final SimilarNames EMPTY = new SimilarNames(List.of());

    /** Scratch space of one query; the counts array is left all zero after use. */
    private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[0]);

    private final long[] trigrams;
    private final int[] postingStart;
    private final int[] postings;
    private final int[] setSize;
    private final String[] nameKey;
    private final IndexedCustomer[] owner;

    SimilarNames(Collection<IndexedCustomer> customers) {
        List<String> keys = new ArrayList<>();
        List<IndexedCustomer> owners = new ArrayList<>();
        Map<Long, List<Integer>> byTrigram = new HashMap<>();
        for (IndexedCustomer customer : customers) {
            if (customer.deleted()) {
                continue;
            }
            for (IndexedCustomer.IndexedName name : customer.names()) {
                int index = keys.size();
                keys.add(name.key());
                owners.add(customer);
                for (long trigram : Trigrams.set(name.key())) {
                    byTrigram.computeIfAbsent(trigram, t -> new ArrayList<>()).add(index);
                }
            }
        }
        trigrams = byTrigram.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        postingStart = new int[trigrams.length + 1];
        int total = byTrigram.values().stream().mapToInt(List::size).sum();
        postings = new int[total];
        setSize = new int[keys.size()];
        int at = 0;
        for (int t = 0; t < trigrams.length; t++) {
            postingStart[t] = at;
            for (int name : byTrigram.get(trigrams[t])) {
                postings[at++] = name;
                setSize[name]++;
            }
        }
        postingStart[trigrams.length] = at;
        nameKey = keys.toArray(String[]::new);
        owner = owners.toArray(IndexedCustomer[]::new);
    }

    /** A customer and how far its best name is from the query (0 is identical). */
    record Match(IndexedCustomer customer, double distance) {
    }

    /**
     * The best distance per customer for every customer with a name similar to the query. Names of
     * customers that {@code stale} accepts are skipped: the caller scores their current names itself.
     */
    Map<Long, Match> matches(long[] query, LongPredicate stale) {
        Map<Long, Match> best = new HashMap<>();
        if (query.length == 0 || nameKey.length == 0) {
            return best;
        }
        int[] counts = COUNTS.get();
        if (counts.length < nameKey.length) {
            counts = new int[nameKey.length];
            COUNTS.set(counts);
        }
        int[] touched = new int[64];
        int touchedCount = 0;
        for (long trigram : query) {
            int t = Arrays.binarySearch(trigrams, trigram);
            if (t < 0) {
                continue;
            }
            for (int p = postingStart[t]; p < postingStart[t + 1]; p++) {
                int name = postings[p];
                if (counts[name]++ == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = name;
                }
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            int name = touched[i];
            int shared = counts[name];
            counts[name] = 0;
            IndexedCustomer customer = owner[name];
            if (stale.test(customer.id())) {
                continue;
            }
            double distance = distance(query, shared, setSize[name], nameKey[name]);
            if (distance <= 1) {
                best.merge(customer.id(), new Match(customer, distance),
                        (a, b) -> a.distance() <= b.distance() ? a : b);
            }
        }
        return best;
    }

    /** The distance of one name from the query, or more than 1 when it is not similar enough. */
    static double distance(long[] query, String key) {
        long[] set = Trigrams.set(key);
        return distance(query, Trigrams.shared(query, set), set.length, key);
    }

    private static double distance(long[] query, int shared, int nameSetSize, String key) {
        double distance = Double.MAX_VALUE;
        double similarity = (double) shared / (query.length + nameSetSize - shared);
        if (similarity + EPSILON >= MIN_SIMILARITY) {
            distance = 1 - similarity;
        }
        // shared/|query| bounds the word similarity from above: only then is the exact extent worth computing.
        if ((double) shared / query.length + EPSILON >= MIN_WORD_SIMILARITY) {
            double word = Trigrams.wordSimilarity(query, Trigrams.ordered(key));
            if (word + EPSILON >= MIN_WORD_SIMILARITY) {
                distance = Math.min(distance, 1 - word);
            }
        }
        return distance;
    }

    int names() {
        return nameKey.length;
    }
}
