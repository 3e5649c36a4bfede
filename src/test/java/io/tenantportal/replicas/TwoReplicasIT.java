package io.tenantportal.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.smallrye.jwt.build.Jwt;

/**
 * Two production-built replicas on one database, as Kubernetes runs them: a change made through one
 * is served by the other within a second; cutting the other's notification connection does not leave
 * it stale, nor does a cut that neither end of that connection hears of; and while the database is
 * away for one of them, its known names keep redirecting and whatever needs the database answers 503
 * with Retry-After, never 500. Replica B reaches PostgreSQL through a {@link TcpProxy}, so the
 * database can blink for it alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    static final String MSSP = "5a1e7c2d-3b4f-4a6e-8d9c-0f1e2d3c4b5a";
    static final String ISSUER = "https://login.example/" + MSSP + "/v2.0";
    static final String AUDIENCE = "api://tenant-portal-it";
    static final String DATABASE = System.getenv().getOrDefault("TENANTPORTAL_TEST_DB", "test") + "_replicas";
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    static WireMockServer identityProvider;
    static KeyPair key;
    static TcpProxy proxy;
    static Replica a;
    static Replica b;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        try (Connection postgres = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement sql = postgres.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        identityProvider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        identityProvider.start();
        identityProvider.stubFor(WireMock.get("/jwks.json").willReturn(WireMock.okJson(jwks((RSAPublicKey) key.getPublic()))));
        proxy = new TcpProxy(5432);

        a = Replica.start("a", environment(5432));
        b = Replica.start("b", environment(proxy.port()));
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] { a, b, proxy }) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (identityProvider != null) {
            identityProvider.stop();
        }
    }

    private static Map<String, String> environment(int databasePort) {
        return Map.ofEntries(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + DATABASE),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                Map.entry("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "2S"),
                Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", identityProvider.baseUrl()),
                Map.entry("QUARKUS_OIDC_DISCOVERY_ENABLED", "false"),
                Map.entry("QUARKUS_OIDC_JWKS_PATH", "jwks.json"),
                Map.entry("QUARKUS_OIDC_TOKEN_ISSUER", ISSUER),
                Map.entry("QUARKUS_OIDC_CLIENT_ID", "tenant-portal-it"),
                Map.entry("QUARKUS_OIDC_TOKEN_AUDIENCE", AUDIENCE),
                Map.entry("QUARKUS_OIDC_WEB_TENANT_ENABLED", "false"),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"),
                Map.entry("TENANTPORTAL_SYNC_INTERVAL", "0"),
                Map.entry("TENANTPORTAL_MSSPS__IT__TENANT_ID", MSSP));
    }

    @Test
    @Order(1)
    void aChangeThroughOneIsServedByTheOtherWithinASecond() throws Exception {
        assertEquals(404, get(b, "/tenants/contoso/portal").statusCode());
        assertEquals(201, put(a, "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "Contoso Ltd", "contoso").statusCode());
        Instant written = Instant.now();
        awaitWithin(Duration.ofSeconds(1), () -> status(b, "/tenants/contoso/portal") == 302);
        assertTrue(Duration.between(written, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0);

        assertEquals(204, send(a, HttpRequest.newBuilder(a.uri("/tenants/2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01"))
                .header("Authorization", "Bearer " + token()).DELETE()).statusCode());
        awaitWithin(Duration.ofSeconds(1), () -> status(b, "/tenants/contoso/portal") == 404);
    }

    @Test
    @Order(2)
    void cuttingTheNotificationConnectionOfOneDoesNotLeaveItStale() throws Exception {
        String listener = proxy.upstreamLocalPorts().stream().map(String::valueOf).collect(Collectors.joining(","));
        int killed = intOf("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
                + "'tenant-portal-listener' AND client_port IN (" + listener + ")");
        assertEquals(1, killed, "replica b's listening connection");
        // Made while b listens to nothing: only b's reload after reconnecting can bring it in.
        assertEquals(201, put(a, "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", "Fabrikam Inc", "fabrikam").statusCode());
        awaitWithin(Duration.ofSeconds(5), () -> status(b, "/tenants/fabrikam/portal") == 302);
    }

    @Test
    @Order(3)
    void aNotificationConnectionThatFallsSilentIsNoticedAndReplaced() throws Exception {
        String ports = proxy.upstreamLocalPorts().stream().map(String::valueOf).collect(Collectors.joining(","));
        int listener = intOf("SELECT client_port FROM pg_stat_activity WHERE application_name = "
                + "'tenant-portal-listener' AND client_port IN (" + ports + ")");
        // As a network cut: nothing passes any more, and when the server ends the session b is not told.
        proxy.silence(listener);
        assertEquals(1, intOf("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE client_port = "
                + listener));
        assertEquals(201, put(a, "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "Northwind Traders", "northwind").statusCode());
        // b looks its listening session up every 10 s, finds it gone, listens again and reloads.
        awaitWithin(Duration.ofSeconds(25), () -> status(b, "/tenants/northwind/portal") == 302);
    }

    @Test
    @Order(4)
    void whileTheDatabaseIsAwayKnownNamesRedirectAndTheRestAnswers503() throws Exception {
        assertEquals(201, put(b, "c0ffee00-1234-4abc-8def-0123456789ab", "Adatum Corporation", "adatum").statusCode());
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicInteger redirects = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                int status = status(b, "/tenants/adatum/portal");
                statuses.add(status);
                if (status == 302) {
                    redirects.incrementAndGet();
                }
            }
        });
        load.start();
        Thread.sleep(300);

        proxy.cut();
        List<HttpResponse<String>> duringTheCut = new ArrayList<>();
        duringTheCut.add(put(b, "d2e3f4a5-b6c7-48d9-8e0f-2a3b4c5d6e7f", "Proseware", "proseware"));
        duringTheCut.add(send(b, HttpRequest.newBuilder(b.uri("/tenants?q=ada")).header("Authorization", "Bearer " + token())
                .GET()));
        // a change through the other replica while b cannot hear about it
        assertEquals(201, put(a, "e3f4a5b6-c7d8-49e0-9f1a-3b4c5d6e7f80", "Wingtip Toys", "wingtip").statusCode());
        Thread.sleep(1_000);
        proxy.restore();
        Thread.sleep(300);
        running.set(false);
        load.join();

        assertEquals(Set.of(302), statuses, "known names answered only 302 while the database was away");
        assertTrue(redirects.get() > 10, "redirects went on: " + redirects.get());
        for (HttpResponse<String> response : duringTheCut) {
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
            assertTrue(response.body().contains("urn:tenant-portal:problem:database-unavailable"), response.body());
        }
        // back: b writes again, and catches up with what a wrote meanwhile
        awaitWithin(Duration.ofSeconds(10), () -> sendQuietly(() -> put(b, "d2e3f4a5-b6c7-48d9-8e0f-2a3b4c5d6e7f",
                "Proseware", "proseware")) / 100 == 2);
        awaitWithin(Duration.ofSeconds(10), () -> status(b, "/tenants/wingtip/portal") == 302);
        assertTrue(!b.log().contains("ERROR"), "no ERROR in b's log:\n" + b.log());
    }

    private static HttpResponse<String> put(Replica replica, String tenantId, String displayName, String alias)
            throws IOException, InterruptedException {
        return send(replica, HttpRequest.newBuilder(replica.uri("/tenants/" + tenantId))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + displayName + "\",\"aliases\":[\"" + alias
                        + "\"]}")));
    }

    private static HttpResponse<String> get(Replica replica, String path) throws IOException, InterruptedException {
        return send(replica, HttpRequest.newBuilder(replica.uri(path)).header("Authorization", "Bearer " + token()).GET());
    }

    private static int status(Replica replica, String path) {
        return sendQuietly(() -> get(replica, path));
    }

    private interface Call {
        HttpResponse<String> call() throws IOException, InterruptedException;
    }

    private static int sendQuietly(Call call) {
        try {
            return call.call().statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> send(Replica replica, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cachedToken;

    private static String token() {
        if (cachedToken == null) {
            cachedToken = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("it-admin").claim("tid", MSSP)
                    .claim("azp", "it-client").claim("roles", Set.of("Portal.Admin", "Portal.Read"))
                    .expiresIn(3600).jws().keyId("it").sign(key.getPrivate());
        }
        return cachedToken;
    }

    private static String jwks(RSAPublicKey publicKey) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"it\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64url(publicKey.getModulus()) + "\",\"e\":\"" + base64url(publicKey.getPublicExponent()) + "\"}]}";
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int intOf(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + DATABASE, "postgres", "");
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + limit);
            Thread.sleep(20);
        }
    }
}
