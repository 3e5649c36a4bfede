package io.tenantportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The suggestion index prunes: it keeps only the nearest customers and skips word similarity where a
 * bound says it cannot matter. These tests compare it with scoring every name of every customer directly.
 */
class SimilarNamesTest {

    private static final String[] WORDS = { "customer", "custom", "contoso", "cont", "ltd", "northwind", "north",
            "wind", "ab", "abab", "a", "1", "12", "123", "2", "fabrikam", "fab", "example", "com", "onmicrosoft" };

    @Test
    void theNearestCustomersAreThoseEveryNameScoredDirectlyWouldGive() {
        Random random = new Random(20261130);
        List<IndexedCustomer> customers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            List<String> names = new ArrayList<>();
            for (int n = 0; n < 1 + random.nextInt(4); n++) {
                names.add(phrase(random));
            }
            customers.add(customer(i, i % 7 == 0 ? "Same Name" : "Customer " + i, i % 50 == 0, names));
        }
        int compared = compareWithEveryNameScored(customers, random, 300, () -> phrase(random));
        assertFalse(compared < 300, "the queries found too few similar names to prove anything: " + compared);
    }

    /**
     * Names as an MSSP's customers have them: every one shares the words "customer", "cust", "ltd",
     * "example" and "onmicrosoft" with thousands of others, and only a number tells them apart. Typos of
     * them make the search stop early on the rare trigrams, cut common ones by name size and bound word
     * similarity by runs; customers with equal names and equal distances test the tie-break.
     */
    @Test
    void namesSharingCommonWordsFindTheSameNearestAsScoringEveryName() {
        Random random = new Random(42);
        List<IndexedCustomer> customers = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            // every tenth number twice: equal names, so equal distances, told apart by tenant id
            int number = i % 10 == 0 ? i - 1 : i;
            customers.add(customer(i, "Customer " + number + " Ltd", i % 97 == 0, List.of("customer " + number + " ltd",
                    "c" + number, "cust-" + number, "customer" + number + ".example",
                    "customer" + number + ".onmicrosoft.com")));
        }
        String[] shapes = { "custmer %d lt", "cx%dq", "cust-%d-9", "customer%d.exampel", "customer%d.onmicrosft.com",
                "customer %d", "%d", "c%d", "customer", "ltd", "onmicrosoft.com", "cust %d ltd example" };
        int compared = compareWithEveryNameScored(customers, random, 240,
                () -> String.format(shapes[random.nextInt(shapes.length)], 1 + random.nextInt(2200)));
        assertFalse(compared < 1000, "the queries found too few similar names to prove anything: " + compared);
    }

    /**
     * Similarity exactly 0.3 and word similarity exactly 0.6 are similar enough, whatever the order the
     * search meets names in; the pairs are found among random phrases by exact integer arithmetic.
     */
    @Test
    void namesExactlyOnAThresholdAreSuggested() {
        Random random = new Random(3);
        int onSimilarity = 0;
        int onWord = 0;
        for (int i = 0; i < 200_000 && (onSimilarity < 20 || onWord < 20); i++) {
            String query = phrase(random);
            String name = phrase(random);
            long[] querySet = Trigrams.set(query);
            long[] nameSet = Trigrams.set(name);
            int shared = Trigrams.shared(querySet, nameSet);
            boolean similarityOnIt = 10 * shared == 3 * (querySet.length + nameSet.length - shared);
            double word = Trigrams.wordSimilarity(querySet, Trigrams.ordered(name));
            boolean wordOnIt = Math.abs(word - SimilarNames.MIN_WORD_SIMILARITY) < 1e-12 && !similarityOnIt;
            if (!similarityOnIt && !wordOnIt || similarityOnIt && onSimilarity >= 20 || wordOnIt && onWord >= 20) {
                continue;
            }
            onSimilarity += similarityOnIt ? 1 : 0;
            onWord += wordOnIt ? 1 : 0;
            // the name among others that are nearer and farther, so the search's bounds are in play
            List<IndexedCustomer> customers = new ArrayList<>(List.of(customer(0, "On it", false, List.of(name))));
            for (int c = 1; c < 30; c++) {
                customers.add(customer(c, "Other " + c, false, List.of(phrase(random))));
            }
            List<String> found = new SimilarNames(customers).nearest(querySet, null, 30).stream()
                    .map(m -> m.customer().view().displayName()).toList();
            assertTrue(found.contains("On it"), "\"" + name + "\" for \"" + query + "\": " + found);
        }
        assertFalse(onSimilarity < 20 || onWord < 20, "too few names on a threshold: " + onSimilarity + ", " + onWord);
    }

    /** A query's scratch bits are per thread and reused: one that fails half-way must not mark names for the next. */
    @Test
    void aFailedQueryLeavesNothingBehindForTheNext() {
        List<IndexedCustomer> customers = List.of(customer(1, "Contoso Ltd", false, List.of("contoso ltd", "contoso.com")),
                customer(2, "Contoso", false, List.of("contoso")),
                customer(3, "Fabrikam", false, List.of("fabrikam", "fabrikam.com")));
        SimilarNames index = new SimilarNames(customers);
        long[] query = Trigrams.set("contso");
        List<String> before = describe(index.nearest(query, null, 5));
        assertEquals(2, before.size(), "both Contoso customers are similar: " + before);
        assertThrows(IllegalStateException.class, () -> index.nearest(query, id -> {
            throw new IllegalStateException("stale check failed");
        }, 5));
        assertEquals(before, describe(index.nearest(query, null, 5)));
        assertEquals(List.of("00000000-0000-0000-0000-000000000003@0.000000000"),
                describe(index.nearest(Trigrams.set("fabrikam"), null, 5)));
    }

    /** Scores random queries with the index and by scoring every name directly; returns how many matches agreed. */
    private static int compareWithEveryNameScored(List<IndexedCustomer> customers, Random random, int queries,
            Supplier<String> queryMaker) {
        SimilarNames index = new SimilarNames(customers);
        int compared = 0;
        for (int q = 0; q < queries; q++) {
            String query = queryMaker.get();
            long[] querySet = Trigrams.set(query);
            // every other query as if some customers had changed since the index was built
            Set<Long> stale = new HashSet<>();
            if (q % 2 == 1) {
                customers.forEach(c -> {
                    if (random.nextInt(10) == 0) {
                        stale.add(c.id());
                    }
                });
            }
            for (int limit : new int[] { 1, 5, 20 }) {
                List<SimilarNames.Match> expected = customers.stream()
                        .filter(c -> !c.deleted() && !stale.contains(c.id()))
                        .map(c -> new SimilarNames.Match(c, c.names().stream()
                                .mapToDouble(n -> SimilarNames.distance(querySet, n.key())).min().orElse(2)))
                        .filter(m -> m.distance() <= 1)
                        .sorted(SimilarNames.Match::nearestFirst)
                        .limit(limit)
                        .toList();
                List<SimilarNames.Match> actual = index.nearest(querySet, stale.isEmpty() ? null : stale::contains, limit);
                assertEquals(describe(expected), describe(actual), "nearest " + limit + " to \"" + query + "\"");
                compared += expected.size();
            }
        }
        return compared;
    }

    /** A customer as the index holds it, with these name keys; shared with {@link MsspNamesTest}. */
    static IndexedCustomer customer(long id, String displayName, boolean deleted, List<String> names) {
        UUID tenantId = new UUID(0, id);
        Customer entity = new Customer();
        entity.tenantId = tenantId;
        entity.displayName = displayName;
        entity.source = CustomerSource.MANUAL;
        return new IndexedCustomer(id, 1, 1, deleted, tenantId, CustomerView.of(entity),
                names.stream().map(n -> new IndexedCustomer.IndexedName(n, null, NameKind.ALIAS)).toList());
    }

    @Test
    void boundedWordSimilarityIsExactWheneverItReachesTheBound() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            long[] query = Trigrams.set(phrase(random));
            long[] name = Trigrams.ordered(phrase(random) + " " + phrase(random));
            double exact = Trigrams.wordSimilarity(query, name);
            double atLeast = random.nextDouble();
            double bounded = Trigrams.wordSimilarity(query, name, atLeast);
            if (exact >= atLeast) {
                assertEquals(exact, bounded, 0, "word similarity with bound " + atLeast);
            } else {
                assertFalse(bounded >= atLeast, "a value below the bound must stay below it");
            }
        }
    }

    private static String phrase(Random random) {
        StringBuilder phrase = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
        for (int w = random.nextInt(4); w > 0; w--) {
            phrase.append(random.nextBoolean() ? ' ' : '.').append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(3) == 0) {
            int at = random.nextInt(phrase.length());
            phrase.deleteCharAt(at); // a typo
        }
        return phrase.toString();
    }

    private static List<String> describe(List<SimilarNames.Match> matches) {
        return matches.stream().map(m -> m.customer().tenantId() + "@" + String.format("%.9f", m.distance())).toList();
    }
}
