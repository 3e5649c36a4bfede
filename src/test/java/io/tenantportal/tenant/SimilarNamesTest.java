package io.tenantportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

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
            List<IndexedCustomer.IndexedName> names = new ArrayList<>();
            for (int n = 0; n < 1 + random.nextInt(4); n++) {
                names.add(new IndexedCustomer.IndexedName(phrase(random), null, NameKind.ALIAS));
            }
            String displayName = i % 7 == 0 ? "Same Name" : "Customer " + i;
            UUID tenantId = new UUID(0, i);
            Customer entity = new Customer();
            entity.tenantId = tenantId;
            entity.displayName = displayName;
            entity.source = CustomerSource.MANUAL;
            customers.add(new IndexedCustomer(i, 1, 1, i % 50 == 0, tenantId, CustomerView.of(entity), names));
        }
        SimilarNames index = new SimilarNames(customers);
        int compared = 0;
        for (int q = 0; q < 300; q++) {
            String query = phrase(random);
            long[] querySet = Trigrams.set(query);
            for (int limit : new int[] { 1, 5 }) {
                List<SimilarNames.Match> expected = customers.stream()
                        .filter(c -> !c.deleted())
                        .map(c -> new SimilarNames.Match(c, c.names().stream()
                                .mapToDouble(n -> SimilarNames.distance(querySet, n.key())).min().orElse(2)))
                        .filter(m -> m.distance() <= 1)
                        .sorted(SimilarNames.Match::nearestFirst)
                        .limit(limit)
                        .toList();
                List<SimilarNames.Match> actual = index.nearest(querySet, null, limit);
                assertEquals(describe(expected), describe(actual), "nearest " + limit + " to \"" + query + "\"");
                compared += expected.size();
            }
        }
        assertFalse(compared < 300, "the queries found too few similar names to prove anything: " + compared);
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
