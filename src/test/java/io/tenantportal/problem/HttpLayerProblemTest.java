package io.tenantportal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.LogCapture;
import io.tenantportal.support.TestTokens;

/**
 * Errors the HTTP framework answers before (or instead of) an endpoint come as problem+json too.
 * Requests go over a raw socket so that nothing is encoded or normalised on the way.
 */
@QuarkusTest
class HttpLayerProblemTest extends ApiTest {

    static final String CONTOSO = "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01";

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest(name = "raw {0} in the path")
    @ValueSource(strings = { "|", "\\", "`", "{", "}", "^", "<", ">", "\"", "%zz" })
    void aPathWithCharactersThatMustBeEncodedIsAProblem(String character) throws IOException {
        for (String path : new String[] { "/tenants/Contoso" + character + "Ltd/portal", "/" + character,
                "/q/health" + character }) {
            Raw response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.alphaReader() + "\r\nConnection: close\r\n\r\n");
            response.assertProblem(400, "invalid-request");
            assertTrue(response.body.contains("must be percent-encoded"), response.body);
        }
    }

    @Test
    void theSameCharactersInTheQueryAreAProblemToo() throws IOException {
        send("GET /tenants?q=a|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .assertProblem(400, "invalid-request");
    }

    @Test
    void encodedTheyReachTheService() throws IOException {
        send("GET /tenants/Contoso%7CLtd/portal HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.alphaReader() + "\r\nConnection: close\r\n\r\n")
                .assertProblem(404, "customer-not-found");
    }

    @Test
    void aMethodTheResourceLacksIsAProblem() throws IOException {
        send("PATCH /tenants HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.alphaAdmin()
                + "\r\nConnection: close\r\n\r\n").assertProblem(405, "method-not-allowed");
    }

    @Test
    void anUnacceptableMediaTypeIsAProblem() throws IOException {
        send("GET /tenants HTTP/1.1\r\nHost: localhost\r\nAccept: image/png\r\nAuthorization: Bearer "
                + TestTokens.alphaReader() + "\r\nConnection: close\r\n\r\n").assertProblem(406, "not-acceptable");
    }

    @Test
    void anUnknownPathIsAProblem() throws IOException {
        send("GET /no/such/thing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").assertProblem(404, "not-found");
    }

    /** quarkus.http.limits.max-body-size: the import limit, tenantportal.import.max-bytes (50 MiB by default). */
    static long bodyLimit() {
        return ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
    }

    @Test
    void aBodyOverTheLimitIsAProblemAndNothingIsWritten() throws IOException {
        send("PUT /tenants/" + CONTOSO + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (bodyLimit() + 1) + "\r\nAuthorization: Bearer " + TestTokens.alphaAdmin() + "\r\n\r\n{")
                .assertProblem(413, "payload-too-large");
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsAProblemAndNothingIsWritten() throws IOException, InterruptedException {
        try (LogCapture log = LogCapture.start(); Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /tenants/" + CONTOSO + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nAuthorization: Bearer " + TestTokens.alphaAdmin() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (long i = 0; i <= bodyLimit() / 0x100000; i++) { // a MiB more than the limit
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (SocketException e) {
                // The service may answer and close before the whole body is sent.
            }
            Raw.read(socket.getInputStream()).assertProblem(413, "payload-too-large");
            Thread.sleep(500); // the service sees the connection close just after its answer
            assertEquals(List.of(), log.errors());
        }
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsServed() throws IOException {
        String json = "{\"displayName\": \"Contoso Ltd\"}";
        Raw response = send("PUT /tenants/" + CONTOSO + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\nAuthorization: Bearer " + TestTokens.alphaAdmin()
                + "\r\n\r\n" + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n");
        assertEquals(201, response.status(), response.body());
        assertEquals(1, database.count("SELECT count(*) FROM customer WHERE display_name = 'Contoso Ltd'"));
    }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return Raw.read(socket.getInputStream());
        }
    }

    /** A response as read off the wire: status line, header block, body. */
    record Raw(int status, String headers, String body) {

        static Raw read(InputStream in) throws IOException {
            String text;
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketException e) {
                throw new IOException("connection reset before an answer", e);
            }
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, () -> "no complete response: " + text);
            String head = text.substring(0, end);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head.toLowerCase(Locale.ROOT), text.substring(end + 4));
        }

        void assertProblem(int expectedStatus, String type) {
            assertEquals(expectedStatus, status, () -> headers + "\n" + body);
            assertTrue(headers.contains("content-type: application/problem+json"), headers);
            assertTrue(headers.contains("x-content-type-options: nosniff"), headers);
            assertTrue(body.startsWith("{\"type\":\"urn:tenant-portal:problem:" + type + "\""), body);
            assertTrue(body.contains("\"status\":" + expectedStatus), body);
        }
    }
}
