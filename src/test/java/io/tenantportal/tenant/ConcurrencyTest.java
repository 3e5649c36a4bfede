package io.tenantportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/** Many writers at once: the database ends with no duplicate and every caller gets a clean answer. */
@QuarkusTest
class ConcurrencyTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @TestHTTPResource("/tenants/")
    URI tenants;

    private final HttpClient http = HttpClient.newHttpClient();

    private Map<Integer, Integer> putAll(List<String[]> tenantAndBody) throws Exception {
        String token = TestTokens.alphaAdmin();
        ExecutorService pool = Executors.newFixedThreadPool(tenantAndBody.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String[] item : tenantAndBody) {
                Callable<Integer> put = () -> {
                    start.await();
                    HttpRequest request = HttpRequest.newBuilder(tenants.resolve(item[0]))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(item[1])).build();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> result : results) {
                statuses.merge(result.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelPutsOfOneTenantMakeOneCustomer() throws Exception {
        String body = "{\"displayName\":\"Contoso Ltd\",\"domains\":[\"contoso.com\"],\"aliases\":[\"Contoso\"]}";
        List<String[]> puts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            puts.add(new String[] { CONTOSO, body });
        }
        Map<Integer, Integer> statuses = putAll(puts);

        assertEquals(Map.of(200, 49, 201, 1), statuses);
        assertEquals(1, database.count("SELECT count(*) FROM customer"));
        assertEquals(3, database.count("SELECT count(*) FROM customer_name"));
    }

    @Test
    void twoTenantsClaimingOneAliasLeaveItWithExactlyOne() throws Exception {
        List<String[]> puts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            puts.add(new String[] { CONTOSO, "{\"displayName\":\"Contoso Ltd\",\"aliases\":[\"Shared\"]}" });
            puts.add(new String[] { FABRIKAM, "{\"displayName\":\"Fabrikam Inc\",\"aliases\":[\"Shared\"]}" });
        }
        Map<Integer, Integer> statuses = putAll(puts);

        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses.toString());
        assertEquals(1, statuses.get(201), statuses.toString());
        assertEquals(25, statuses.get(409), "the loser's every attempt is refused: " + statuses);
        assertEquals(1, database.count("SELECT count(*) FROM customer"));
        assertEquals(1, database.count("SELECT count(*) FROM customer_name WHERE name_key = 'shared'"));
    }
}
