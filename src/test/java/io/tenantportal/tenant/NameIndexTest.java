package io.tenantportal.tenant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/**
 * The in-memory name index: what this replica writes is visible to its next request; what another
 * writer commits (another replica, a script) arrives through PostgreSQL notifications within a second;
 * a lost notification connection is followed by a full reload.
 */
@QuarkusTest
class NameIndexTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";
    static final String FABRIKAM = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @Inject
    CustomerChangeFeed feed;

    @Inject
    NameIndex index;

    @Test
    void aWriteIsVisibleToTheNextRequestWithoutWaiting() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "Contoso");
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "contoso").then().statusCode(302);
        as(TestTokens.alphaAdmin()).delete("/tenants/{id}", CONTOSO).then().statusCode(204);
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "contoso").then().statusCode(404);
    }

    @Test
    void anotherWritersCommitArrivesWithinASecond() {
        long started = System.nanoTime();
        insertBehindTheServicesBack(FABRIKAM, "Fabrikam Inc", "fabrikam");
        awaitWithin(Duration.ofSeconds(1), () -> status("fabrikam") == 302);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(1).toNanos());

        database.execute("UPDATE customer SET deleted_at = now(), version = version + 1 WHERE tenant_id = '" + FABRIKAM + "'");
        awaitWithin(Duration.ofSeconds(1), () -> status("fabrikam") == 404);
    }

    @Test
    void aLostNotificationConnectionIsFollowedByAFullReload() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd");
        awaitWithin(Duration.ofSeconds(5), feed::listening);
        String pid = database.text("SELECT string_agg(CAST(pid AS text), ',') FROM pg_stat_activity "
                + "WHERE application_name = '" + CustomerChangeFeed.APPLICATION_NAME + "' AND datname = current_database()");
        database.text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid IN (" + pid + ")");
        // Written while no one listens: only the reload after reconnecting can bring it in.
        insertBehindTheServicesBack(FABRIKAM, "Fabrikam Inc", "fabrikam");
        database.execute("UPDATE customer SET display_name = 'Contoso Group', version = version + 1 "
                + "WHERE tenant_id = '" + CONTOSO + "'");

        awaitWithin(Duration.ofSeconds(5), () -> status("fabrikam") == 302);
        as(TestTokens.alphaReader()).get("/tenants/{name}", CONTOSO).then().statusCode(200)
                .body("displayName", equalTo("Contoso Group"));
        String newPid = database.text("SELECT string_agg(CAST(pid AS text), ',') FROM pg_stat_activity "
                + "WHERE application_name = '" + CustomerChangeFeed.APPLICATION_NAME + "' AND datname = current_database()");
        assertTrue(newPid != null && !newPid.equals(pid), "the feed listens on a new connection");
    }

    @Test
    void theListeningSessionAsksItsServerToProbeTheConnection() throws Exception {
        awaitWithin(Duration.ofSeconds(5), feed::listening);
        // Over the listening connection itself: only that session's own settings say what its server does.
        var rows = feed.connection().query("SELECT current_setting('tcp_keepalives_idle'), "
                + "current_setting('tcp_keepalives_interval'), current_setting('tcp_keepalives_count')").execute()
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        var row = rows.iterator().next();
        assertEquals(List.of("10", "5", "3"), List.of(row.getString(0), row.getString(1), row.getString(2)));
    }

    @Test
    void suggestionsFollowEveryWriteAndSurviveARebuild() {
        int many = MsspNames.REBUILD_AFTER_CHANGES + 10;
        database.addNumberedCustomers(TestTokens.ALPHA, many);
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd");
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contso").then().statusCode(404)
                .body("suggestions", contains("Contoso Ltd"));
        putCustomer(TestTokens.ALPHA, CONTOSO, "Northwind Traders", null, null, List.of(), List.of()).then().statusCode(200);
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contso").then().statusCode(404)
                .body("suggestions", empty());
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Northwnd Traders").then().statusCode(404)
                .body("suggestions", contains("Northwind Traders"));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "Customer 0007x").then().statusCode(404)
                .body("suggestions[0]", equalTo("Customer 0007"));
    }

    @Test
    void aMissAnsweredBeforeFollowsAnotherWritersCommit() {
        for (int asked = 0; asked < 2; asked++) {
            as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "fabrikm").then().statusCode(404)
                    .body("suggestions", empty());
        }
        insertBehindTheServicesBack(FABRIKAM, "Fabrikam Inc", "fabrikam");
        awaitWithin(Duration.ofSeconds(1), () -> as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "fabrikm")
                .then().statusCode(404).extract().<List<String>>path("suggestions").equals(List.of("Fabrikam Inc")));
    }

    @Test
    void aFullyQualifiedDomainReachesItsCustomer() {
        createCustomer(TestTokens.ALPHA, CONTOSO, "Contoso Ltd", "contoso.com", null, List.of(), List.of());
        as(TestTokens.alphaReader()).get("/tenants/{name}/portal", "Contoso.com.").then().statusCode(302)
                .header("Location", "https://security.microsoft.com/?tid=" + CONTOSO);
    }

    @Test
    void aFullLoadReachesCustomersByDomainAndSharedLooseKey() {
        database.execute("""
                WITH a AS (
                    INSERT INTO customer (mssp_id, tenant_id, display_name, default_domain, domains, source)
                    SELECT id, '%s', 'Contoso Ltd', 'contoso.com', ARRAY['contoso.com'], 'import' FROM mssp
                    WHERE tenant_id = '%s' RETURNING id, mssp_id),
                b AS (
                    INSERT INTO customer (mssp_id, tenant_id, display_name, source)
                    SELECT id, '%s', 'Contoso, Inc.', 'import' FROM mssp WHERE tenant_id = '%s' RETURNING id, mssp_id)
                INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key)
                SELECT mssp_id, id, 'display_name', 'Contoso Ltd', 'contoso ltd', 'contoso' FROM a
                UNION ALL SELECT mssp_id, id, 'domain', 'contoso.com', 'contoso.com', NULL FROM a
                UNION ALL SELECT mssp_id, id, 'display_name', 'Contoso, Inc.', 'contoso, inc.', 'contoso' FROM b"""
                .formatted(CONTOSO, TestTokens.ALPHA, FABRIKAM, TestTokens.ALPHA));
        index.reloadAll();

        as(TestTokens.alphaReader()).get("/tenants/{name}", "Contoso").then().statusCode(409)
                .body("candidates.tenantId", contains(CONTOSO, FABRIKAM));
        as(TestTokens.alphaReader()).get("/tenants/{name}", "contoso.com").then().statusCode(200)
                .body("tenantId", equalTo(CONTOSO))
                .body("defaultDomain", equalTo("contoso.com"))
                .body("domains", contains("contoso.com"))
                .body("source", equalTo("import"));
    }

    @Test
    void aFullLoadReadsEveryBatchOfRowsAndLeavesDeletedNamesOut() {
        // More customers than the load's cursor hands over in one batch (500 rows).
        database.addNumberedCustomers(TestTokens.ALPHA, 1_201);
        database.execute("""
                INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key, deleted_at)
                SELECT mssp_id, id, 'alias', 'Old Name', 'old name', 'oldname', now() FROM customer
                WHERE display_name = 'Customer 1201'""");
        index.reloadAll();

        for (String name : List.of("Customer 0001", "Customer 0500", "Customer 0501", "Customer 1201")) {
            assertEquals(302, status(name), name);
        }
        assertEquals(404, status("Old Name"));
        as(TestTokens.alphaReader()).get("/tenants?size=1").then().statusCode(200).body("total", equalTo(1_201));
    }

    private void insertBehindTheServicesBack(String tenantId, String displayName, String alias) {
        database.execute("""
                WITH c AS (
                    INSERT INTO customer (mssp_id, tenant_id, display_name, source)
                    SELECT id, '%s', '%s', 'manual' FROM mssp WHERE tenant_id = '%s' RETURNING id, mssp_id)
                INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key)
                SELECT mssp_id, id, 'alias', '%s', '%s', '%s' FROM c""".formatted(tenantId, displayName,
                TestTokens.ALPHA, alias, alias, alias));
    }

    private static int status(String name) {
        return as(TestTokens.alphaReader()).get("/tenants/{name}/portal", name).statusCode();
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + limit);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertEquals(true, condition.getAsBoolean());
    }
}
