package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;

/**
 * "Did you mean" over one MSSP's names, in memory: an inverted index from trigram to the names holding
 * it, built once from a set of customers and then only read. Scoring follows what the database did
 * before (pg_trgm): a name is similar when its similarity to the query is at least 0.3 (typos such as
 * "Contso") or its word similarity at least 0.6 (a fragment such as "Woodgrove" of a longer name); a
 * customer counts with its best name.
 * <p>
 * Both measures are at most (trigrams shared with the query) / (trigrams of the query). So a query walks
 * its trigrams rarest first, scores each name the moment it first meets it, and stops as soon as a name
 * not met yet, holding only the trigrams still ahead, could no longer come as near as the nearest
 * {@code limit} customers found so far: the common trigrams that every name shares ("cus", " co") are
 * mostly never walked. Where only similarity can still qualify, a trigram's names (held smallest first)
 * are walked only over the sizes that could reach it.
 */
final class SimilarNames {

    static final double MIN_SIMILARITY = 0.3;
    static final double MIN_WORD_SIMILARITY = 0.6;
    /** Float rounding must not drop a name that sits exactly on a threshold. */
    private static final double EPSILON = 1e-9;
    /** Widens the name sizes a trigram's names are cut to, so that rounding never cuts a name that qualifies. */
    private static final double SIZE_SLACK = 1e-6;

    static final SimilarNames EMPTY = new SimilarNames(List.of());

    /** One thread's scratch bits for its queries, found clear and left clear. */
    private static final ThreadLocal<Marks> MARKS = ThreadLocal.withInitial(Marks::new);

    /** Bit sets rather than arrays of marks, so that they stay in the fastest caches while names are scored. */
    private static final class Marks {
        /** Bit t: the current query holds trigram t of the index. */
        long[] inQuery = new long[0];
        /** Bit n: the current query has scored name n. */
        long[] met = new long[0];

        Marks sized(int trigrams, int names) {
            if (inQuery.length < (trigrams + 63) / 64) {
                inQuery = new long[(trigrams + 63) / 64];
            }
            if (met.length < (names + 63) / 64) {
                met = new long[(names + 63) / 64];
            }
            return this;
        }
    }

    private final long[] trigrams;
    private final int[] postingStart;
    /** Each trigram's names, smallest trigram set first (then by position). */
    private final int[] postings;
    private final int[] setSize;
    /**
     * Every name's trigrams in order, repeats included, as positions in {@link #trigrams}: name i at
     * [nameStart[i], nameStart[i + 1]). A trigram met before in the same name is held as its complement
     * ({@code ~t}, negative), so that "first in its name" costs no array of its own (see {@link Trigrams#repeat}).
     */
    private final int[] sequence;
    private final int[] nameStart;
    /** The customer (its position in {@link #customers}) each name belongs to. */
    private final int[] owner;
    private final IndexedCustomer[] customers;
    /** Each customer's display name in lower case: the tie-break between equally near customers. */
    private final String[] sortKey;

    SimilarNames(Collection<IndexedCustomer> customers) {
        List<IndexedCustomer> live = new ArrayList<>();
        int names = 0;
        for (IndexedCustomer customer : customers) {
            if (!customer.deleted()) {
                live.add(customer);
                names += customer.names().size();
            }
        }
        nameStart = new int[names + 1];
        owner = new int[names];
        trigrams = distinctTrigrams(live, nameStart, owner);
        // A name's trigrams are worked out again here rather than kept from the first pass: kept, every
        // name's array was alive at once beside two copies of them all (about 6 MB each for 50,000
        // names), and at start-up the old generation grew to hold them.
        sequence = new int[nameStart[names]];
        setSize = new int[names];
        int[] holders = new int[trigrams.length];
        int next = 0;
        for (IndexedCustomer customer : live) {
            for (IndexedCustomer.IndexedName indexedName : customer.names()) {
                long[] ordered = Trigrams.ordered(indexedName.key());
                int at = nameStart[next];
                for (int i = 0; i < ordered.length; i++) {
                    sequence[at + i] = Arrays.binarySearch(trigrams, ordered[i]);
                }
                Trigrams.markRepeats(sequence, at, at + ordered.length);
                for (int p = at; p < at + ordered.length; p++) {
                    if (sequence[p] >= 0) {
                        setSize[next]++;
                        holders[sequence[p]]++;
                    }
                }
                next++;
            }
        }
        postingStart = new int[trigrams.length + 1];
        for (int t = 0; t < trigrams.length; t++) {
            postingStart[t + 1] = postingStart[t] + holders[t];
        }
        postings = new int[postingStart[trigrams.length]];
        int[] fill = Arrays.copyOf(postingStart, trigrams.length);
        for (int name : bySetSize(setSize)) {
            for (int p = nameStart[name]; p < nameStart[name + 1]; p++) {
                if (sequence[p] >= 0) {
                    postings[fill[sequence[p]]++] = name;
                }
            }
        }
        this.customers = live.toArray(IndexedCustomer[]::new);
        sortKey = live.stream().map(SimilarNames::sortKey).toArray(String[]::new);
    }

    /**
     * The distinct trigrams of every name, in order. Fills in where each name's trigrams will start
     * ({@code nameStart}, one more than there are names) and the customer each name belongs to.
     */
    private static long[] distinctTrigrams(List<IndexedCustomer> live, int[] nameStart, int[] owner) {
        int name = 0;
        for (int customer = 0; customer < live.size(); customer++) {
            for (IndexedCustomer.IndexedName indexedName : live.get(customer).names()) {
                owner[name] = customer;
                nameStart[name + 1] = nameStart[name] + Trigrams.ordered(indexedName.key()).length;
                name++;
            }
        }
        // Sized from a first pass that only counts: an array grown as it fills is copied, and for a
        // moment both copies are alive.
        long[] all = new long[nameStart[owner.length]];
        name = 0;
        for (IndexedCustomer customer : live) {
            for (IndexedCustomer.IndexedName indexedName : customer.names()) {
                long[] ordered = Trigrams.ordered(indexedName.key());
                System.arraycopy(ordered, 0, all, nameStart[name++], ordered.length);
            }
        }
        return Trigrams.distinctInPlace(all);
    }

    /** Names ordered by the size of their trigram set, then by position (a counting sort). */
    private static int[] bySetSize(int[] setSize) {
        int largest = 0;
        for (int size : setSize) {
            largest = Math.max(largest, size);
        }
        int[] start = new int[largest + 2];
        for (int size : setSize) {
            start[size + 1]++;
        }
        for (int size = 0; size <= largest; size++) {
            start[size + 1] += start[size];
        }
        int[] ordered = new int[setSize.length];
        for (int name = 0; name < setSize.length; name++) {
            ordered[start[setSize[name]]++] = name;
        }
        return ordered;
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

    /**
     * The display name in lower case; for the names nearly every customer has (plain ASCII) that is its
     * display name's key, whose instance is then shared rather than held twice.
     */
    static String sortKey(IndexedCustomer customer) {
        String sortKey = customer.view().displayName().toLowerCase(Locale.ROOT);
        for (IndexedCustomer.IndexedName name : customer.names()) {
            if (name.kind() == NameKind.DISPLAY_NAME && sortKey.equals(name.key())) {
                return name.key();
            }
        }
        return sortKey;
    }

    /**
     * The {@code limit} customers nearest to the query, nearest first, among those with a name similar to
     * it. Customers that {@code stale} accepts are skipped: the caller scores their current names itself.
     */
    List<Match> nearest(long[] query, LongPredicate stale, int limit) {
        if (query.length == 0 || nameStart.length == 1 || limit <= 0) {
            return List.of();
        }
        return new Search(query.length, stale, limit).run(query);
    }

    /** One query: its marks, and the nearest customers found so far, nearest first. */
    private final class Search {

        private final Marks marks = MARKS.get().sized(trigrams.length, setSize.length);
        private final long[] inQuery = marks.inQuery;
        private final long[] met = marks.met;
        private final IntPredicate held = this::holds;
        private final int queryLength;
        private final LongPredicate stale;
        private final int[] nearest;
        private final double[] distance;
        private int found;

        Search(int queryLength, LongPredicate stale, int limit) {
            this.queryLength = queryLength;
            this.stale = stale;
            nearest = new int[limit];
            distance = new double[limit];
        }

        List<Match> run(long[] query) {
            int[] rarestFirst = new int[query.length];
            int present = 0;
            for (long trigram : query) {
                int t = Arrays.binarySearch(trigrams, trigram);
                if (t >= 0) {
                    inQuery[t >>> 6] |= 1L << t;
                    int at = present++;
                    while (at > 0 && holders(rarestFirst[at - 1]) > holders(t)) {
                        rarestFirst[at] = rarestFirst[at - 1];
                        at--;
                    }
                    rarestFirst[at] = t;
                }
            }
            try {
                walk(rarestFirst, present);
            } finally {
                for (int i = 0; i < present; i++) {
                    inQuery[rarestFirst[i] >>> 6] = 0;
                }
                Arrays.fill(met, 0, (setSize.length + 63) / 64, 0);
            }
            List<Match> matches = new ArrayList<>(found);
            for (int i = 0; i < found; i++) {
                matches.add(new Match(customers[nearest[i]], distance[i], sortKey[nearest[i]]));
            }
            return matches;
        }

        /** Scores the names of the query's trigrams, rarest first, until no name not met yet could qualify. */
        private void walk(int[] rarestFirst, int present) {
            // A name not met yet holds none of the trigrams walked (nor those no name holds): at most the rest.
            int atMost = present;
            for (int i = 0; i < present; i++, atMost--) {
                double most = (double) atMost / queryLength;
                double reach = reach();
                if (most + EPSILON < MIN_SIMILARITY || 1 - most > reach + EPSILON) {
                    break;
                }
                int t = rarestFirst[i];
                int from = postingStart[t];
                int to = postingStart[t + 1];
                if (most + EPSILON < MIN_WORD_SIMILARITY) {
                    // Only similarity can qualify: shared / (|query| + |name| - shared) bounds the name's size.
                    double needed = Math.max(MIN_SIMILARITY, 1 - reach) - EPSILON;
                    from = firstOfSize(from, to, (int) Math.ceil(needed * queryLength - SIZE_SLACK));
                    to = firstOfSize(from, to, (int) Math.floor(atMost / needed - queryLength + atMost + SIZE_SLACK) + 1);
                }
                for (int p = from; p < to; p++) {
                    int name = postings[p];
                    if ((met[name >>> 6] & 1L << name) == 0) {
                        met[name >>> 6] |= 1L << name;
                        score(name, atMost);
                    }
                }
            }
        }

        private boolean holds(int t) {
            return (inQuery[t >>> 6] & 1L << t) != 0;
        }

        private int holders(int t) {
            return postingStart[t + 1] - postingStart[t];
        }

        /** The first of a trigram's names (held smallest first) in [from, to) whose set has at least {@code size} trigrams. */
        private int firstOfSize(int from, int to, int size) {
            int low = from;
            int high = to;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (setSize[postings[middle]] < size) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The distance a customer must come within to be among the nearest (1 while fewer are found). */
        private double reach() {
            return found == nearest.length ? distance[found - 1] : 1;
        }

        /**
         * Scores a name exactly as {@link SimilarNames#distance(long[], String)} would, where that can matter.
         *
         * @param atMost the most trigrams the name can share with the query
         */
        private void score(int name, int atMost) {
            int start = nameStart[name];
            int end = nameStart[name + 1];
            double reach = reach();
            double floor = Math.max(MIN_WORD_SIMILARITY, 1 - reach) - EPSILON;
            int size = setSize[name];
            int most = Math.min(atMost, size);
            boolean similarityCanReach = (double) most / (queryLength + size - most) + EPSILON
                    >= Math.max(MIN_SIMILARITY, 1 - reach);
            // An extent sharing s trigrams with x others has word similarity s / (|query| + x), which reaches
            // the floor only where s - floor * x >= floor * |query|. Counting every shared position as +1 and
            // every other trigram's first occurrence as -floor can only overrate an extent, so the best run
            // of that sum (found in the same pass as the shared trigrams) bounds every extent at once.
            double wordNeeds = floor * queryLength - EPSILON;
            int shared = 0;
            double run = 0;
            double bestRun = 0;
            for (int p = start; p < end; p++) {
                int entry = sequence[p];
                boolean first = entry >= 0;
                if (holds(first ? entry : Trigrams.trigram(entry))) {
                    shared += first ? 1 : 0;
                    run++;
                    bestRun = Math.max(bestRun, run);
                } else if (first) {
                    run = Math.max(0, run - floor);
                    if (!similarityCanReach && bestRun < wordNeeds && run + (end - p - 1) < wordNeeds) {
                        return; // neither measure can reach the nearest any more
                    }
                }
            }
            double similarity = (double) shared / (queryLength + size - shared);
            double nearestSoFar = similarity + EPSILON >= MIN_SIMILARITY ? 1 - similarity : Double.MAX_VALUE;
            // Word similarity is costly (quadratic in a name's length) and can only lower a distance: it is
            // computed only where its bounds could still reach the nearest customers.
            double bound = 1 - (double) shared / queryLength;
            if (bound <= 1 - MIN_WORD_SIMILARITY + EPSILON && bound <= reach + EPSILON && bound < nearestSoFar
                    && bestRun >= wordNeeds) {
                double word = Trigrams.wordSimilarity(sequence, start, end, held, queryLength, floor);
                if (word + EPSILON >= MIN_WORD_SIMILARITY) {
                    nearestSoFar = Math.min(nearestSoFar, 1 - word);
                }
            }
            if (nearestSoFar <= 1) {
                offer(owner[name], nearestSoFar);
            }
        }

        /** Keeps the customer among the nearest when it is one of them; a customer counts with its best name. */
        private void offer(int customer, double d) {
            int at = found;
            for (int i = 0; i < found; i++) {
                if (nearest[i] == customer) {
                    at = i;
                    break;
                }
            }
            if (at < found) {
                if (d >= distance[at]) {
                    return;
                }
            } else {
                if (found == nearest.length && !nearer(customer, d, nearest[found - 1], distance[found - 1])) {
                    return;
                }
                if (stale != null && stale.test(customers[customer].id())) {
                    return;
                }
                at = found < nearest.length ? found++ : found - 1;
            }
            while (at > 0 && nearer(customer, d, nearest[at - 1], distance[at - 1])) {
                nearest[at] = nearest[at - 1];
                distance[at] = distance[at - 1];
                at--;
            }
            nearest[at] = customer;
            distance[at] = d;
        }

        /** {@link Match#nearestFirst} on positions. */
        private boolean nearer(int a, double da, int b, double db) {
            int byDistance = Double.compare(da, db);
            if (byDistance != 0) {
                return byDistance < 0;
            }
            int byName = sortKey[a].compareTo(sortKey[b]);
            return byName != 0 ? byName < 0
                    : customers[a].view().tenantId().compareTo(customers[b].view().tenantId()) < 0;
        }
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
        return setSize.length;
    }
}
