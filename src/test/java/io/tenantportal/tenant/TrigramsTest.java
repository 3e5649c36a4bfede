package io.tenantportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;

/** The in-memory similarity scores what PostgreSQL's pg_trgm would, so suggestions did not change when they moved. */
@QuarkusTest
class TrigramsTest extends ApiTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "contso|contoso ltd", "contso|contoso fab", "woodgrove|woodgrove bank international holdings",
            "northwnd|northwind 1", "custmer 123|customer 123 ltd", "fabrikam|fabrikam inc", "a|ab",
            "contoso.com|contoso.onmicrosoft.com", "straße|strasse", "x-y_z|x y z", "tailspin|tailspintoys.com",
            "ltd|contoso ltd", "abab|ab abab ab abab", "ab ab|abab ab ab", "custmer|customer custom customer", "adatum for northwind|northwind traders", "zzz|contoso" })
    void similarityMatchesPgTrgm(String query, String name) {
        long[] querySet = Trigrams.set(query);
        double similarity = Trigrams.similarity(querySet, Trigrams.set(name));
        double wordSimilarity = Trigrams.wordSimilarity(querySet, Trigrams.ordered(name));
        String sql = "SELECT similarity('" + query + "', '" + name + "') || ' ' || word_similarity('" + query + "', '"
                + name + "')";
        String[] expected = database.text(sql).split(" ");
        assertEquals(Double.parseDouble(expected[0]), similarity, 1e-6, "similarity of " + query + " and " + name);
        assertEquals(Double.parseDouble(expected[1]), wordSimilarity, 1e-6, "word similarity of " + query + " and " + name);
    }
}
