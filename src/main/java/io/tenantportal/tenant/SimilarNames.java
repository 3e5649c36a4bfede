package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** Scratch space of one query, left as found after use: name counts all zero, customer distances all unset. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        int[] counts = new int[0];
        double[] best = new double[0];
        int[] touchedNames = new int[64];
        int[] touchedCustomers = new int[64];
        /** queryMark[t] == query: the current query holds trigram t of the index. */
        int[] queryMark = new int[0];
        int query;
    }

    private final long[] trigrams;
    private final int[] postingStart;
    private final int[] postings;
    private final int[] setSize;
    private final String[] nameKey;
    /** Each name's trigrams in order, repeats included, as positions in {@link #trigrams}: for word similarity. */
    private final int[][] ordered;
    private final short[][] repeats;
    /** The customer (its position in {@link #customers}) each name belongs to. */
    private final int[] owner;
    private final IndexedCustomer[] customers;
    /** Each customer's display name in lower case: the tie-break between equally near customers. */
    private final String[] sortKey;

    SimilarNames(Collection<IndexedCustomer> customers) {
        List<String> keys = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<IndexedCustomer> live = new ArrayList<>();
        Map<Long, List<Integer>> byTrigram = new HashMap<>();
        for (IndexedCustomer customer : customers) {
            if (customer.deleted()) {
                continue;
            }
            int position = live.size();
            live.add(customer);
            for (IndexedCustomer.IndexedName name : customer.names()) {
                int index = keys.size();
                keys.add(name.key());
                owners.add(position);
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
        ordered = new int[nameKey.length][];
        repeats = new short[nameKey.length][];
        for (int name = 0; name < nameKey.length; name++) {
            long[] inOrder = Trigrams.ordered(nameKey[name]);
            ordered[name] = new int[inOrder.length];
            for (int i = 0; i < inOrder.length; i++) {
                ordered[name][i] = Arrays.binarySearch(trigrams, inOrder[i]);
            }
            repeats[name] = Trigrams.repeats(ordered[name]);
        }
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
        this.customers = live.toArray(IndexedCustomer[]::new);
        sortKey = live.stream().map(SimilarNames::sortKey).toArray(String[]::new);
    }

    /** A customer and how far its best name is from the query (0 is identical). */
    record Match(IndexedCustomer customer, double distance, String sortKey) {

        Match(IndexedCustomer customer, double distance) {
            this(customer, distance, SimilarNames.sortKey(customer));
        }

        /** Nearest first, then by display name as {@link IndexedCustomer#byDisplayName} orders them. */
        static int nearestFirst(Match a, Match b) {
            int byDistance = Double.compare(a.distance, b.distance);
            if (byDistance != 0) {
                return byDistance;
            }
            int byName = a.sortKey.compareTo(b.sortKey);
            return byName != 0 ? byName : a.customer.view().tenantId().compareTo(b.customer.view().tenantId());
        }
    }

    static String sortKey(IndexedCustomer customer) {
        return customer.view().displayName().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code limit} customers nearest to the query, nearest first, among those with a name similar to
     * it. Customers that {@code stale} accepts are skipped: the caller scores their current names itself.
     * A query may touch most names (a word every customer shares), so the per-name work is array
     * arithmetic only: no map, no boxing, no sort of everything that matched.
     */
    List<Match> nearest(long[] query, LongPredicate stale, int limit) {
        if (query.length == 0 || nameKey.length == 0 || limit <= 0) {
            return List.of();
        }
        Scratch scratch = SCRATCH.get();
        if (scratch.counts.length < nameKey.length) {
            scratch.counts = new int[nameKey.length];
        }
        if (scratch.best.length < customers.length) {
            scratch.best = new double[customers.length];
            Arrays.fill(scratch.best, Double.NaN);
        }
        int[] counts = scratch.counts;
        double[] best = scratch.best;
        if (scratch.queryMark.length < trigrams.length) {
            scratch.queryMark = new int[trigrams.length];
            scratch.query = 0;
        }
        int[] queryMark = scratch.queryMark;
        int mark = ++scratch.query;
        int[] touchedNames = scratch.touchedNames;
        int touchedNameCount = 0;
        for (long trigram : query) {
            int t = Arrays.binarySearch(trigrams, trigram);
            if (t < 0) {
                continue;
            }
            queryMark[t] = mark;
            for (int p = postingStart[t]; p < postingStart[t + 1]; p++) {
                int name = postings[p];
                if (counts[name]++ == 0) {
                    if (touchedNameCount == touchedNames.length) {
                        touchedNames = Arrays.copyOf(touchedNames, touchedNameCount * 2);
                    }
                    touchedNames[touchedNameCount++] = name;
                }
            }
        }
        scratch.touchedNames = touchedNames;
        // First the cheap similarity of every touched name, kept per customer.
        int[] touchedCustomers = scratch.touchedCustomers;
        int touchedCustomerCount = 0;
        for (int i = 0; i < touchedNameCount; i++) {
            int name = touchedNames[i];
            int customer = owner[name];
            double distance = similarityDistance(query, counts[name], setSize[name]);
            double held = best[customer];
            if (Double.isNaN(held)) {
                if (touchedCustomerCount == touchedCustomers.length) {
                    touchedCustomers = Arrays.copyOf(touchedCustomers, touchedCustomerCount * 2);
                }
                touchedCustomers[touchedCustomerCount++] = customer;
                best[customer] = distance;
            } else if (distance < held) {
                best[customer] = distance;
            }
        }
        scratch.touchedCustomers = touchedCustomers;
        // Word similarity is costly (quadratic in a name's length) and can only lower a distance: it is
        // computed only for names whose bound could still reach the nearest `limit` customers.
        double reach = nthNearest(best, touchedCustomers, touchedCustomerCount, stale, limit);
        double wordFloor = Math.max(MIN_WORD_SIMILARITY, 1 - reach) - EPSILON;
        for (int i = 0; i < touchedNameCount; i++) {
            int name = touchedNames[i];
            int shared = counts[name];
            counts[name] = 0;
            double bound = 1 - (double) shared / query.length;
            int customer = owner[name];
            if (bound <= 1 - MIN_WORD_SIMILARITY + EPSILON && bound <= reach + EPSILON && bound < best[customer]) {
                double word = Trigrams.wordSimilarity(ordered[name], repeats[name], id -> queryMark[id] == mark, query.length, wordFloor);
                if (word + EPSILON >= MIN_WORD_SIMILARITY) {
                    best[customer] = Math.min(best[customer], 1 - word);
                }
            }
        }
        Match[] nearest = new Match[limit];
        int held = 0;
        for (int i = 0; i < touchedCustomerCount; i++) {
            int customer = touchedCustomers[i];
            double distance = best[customer];
            best[customer] = Double.NaN;
            if (distance > 1 || held == limit && distance > nearest[limit - 1].distance()) {
                continue;
            }
            if (stale != null && stale.test(customers[customer].id())) {
                continue;
            }
            Match match = new Match(customers[customer], distance, sortKey[customer]);
            int at = held;
            while (at > 0 && Match.nearestFirst(match, nearest[at - 1]) < 0) {
                at--;
            }
            if (at < limit) {
                System.arraycopy(nearest, at, nearest, at + 1, Math.min(held, limit - 1) - at);
                nearest[at] = match;
                held = Math.min(held + 1, limit);
            }
        }
        return Arrays.asList(Arrays.copyOf(nearest, held));
    }

    /** 1 - similarity when the similarity reaches the threshold; more than 1 when it does not. */
    private static double similarityDistance(long[] query, int shared, int nameSetSize) {
        double similarity = (double) shared / (query.length + nameSetSize - shared);
        return similarity + EPSILON >= MIN_SIMILARITY ? 1 - similarity : Double.MAX_VALUE;
    }

    /** The {@code limit}-th smallest distance among the customers (1 when fewer are that near). */
    private double nthNearest(double[] best, int[] touched, int count, LongPredicate stale, int limit) {
        double[] nearest = new double[limit];
        int held = 0;
        for (int i = 0; i < count; i++) {
            double distance = best[touched[i]];
            if (distance > 1 || (held == limit && distance >= nearest[limit - 1])
                    || (stale != null && stale.test(customers[touched[i]].id()))) {
                continue;
            }
            int at = held < limit ? held++ : limit - 1;
            while (at > 0 && nearest[at - 1] > distance) {
                nearest[at] = nearest[at - 1];
                at--;
            }
            nearest[at] = distance;
        }
        return held == limit ? nearest[limit - 1] : 1;
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
