package io.tenantportal.transfer;

import static io.tenantportal.transfer.Transfers.CSV;
import static io.tenantportal.transfer.Transfers.importFile;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantportal.support.ApiTest;
import io.tenantportal.support.TestTokens;

/**
 * Files meant to hurt: each gets a clear 400 or 413 problem quickly, nothing is written, and the
 * big ones are generated as they are sent, never held in memory.
 */
@QuarkusTest
class HostileImportTest extends ApiTest {

    static final long MEGABYTE = 1024 * 1024;

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void nothingWasWritten() {
        assertEquals(0, database.count("SELECT count(*) FROM customer"));
        assertEquals(0, database.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void aHundredMegabyteUploadIsRefusedBeforeItIsRead() throws IOException {
        long started = System.nanoTime();
        String response = rawPost("/import", "text/csv", "Content-Length: " + 100 * MEGABYTE, null);

        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        assertTrue(response.toLowerCase().contains("\r\ncontent-type: application/problem+json\r\n"), response);
        assertTrue(response.contains("\"type\":\"urn:tenant-portal:problem:payload-too-large\""), response);
        assertTrue(response.contains("\"detail\":\"The request body is larger than 52428800 bytes.\""), response);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "took too long");
        assertTrue(rawPost("/import/match", "application/json", "Content-Length: " + 100 * MEGABYTE, null).startsWith("HTTP/1.1 413 "));
    }

    @Test
    void aChunkedUploadIsCutOffAtTheLimitWithTheSameProblem() throws IOException {
        // 60 MB of JSON white space: nothing but the size limit can stop it
        String response = rawPost("/import", "application/json", "Transfer-Encoding: chunked", out -> {
            byte[] spaces = new byte[64 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            spaces[0] = '[';
            for (long sent = 0; sent < 60 * MEGABYTE; sent += spaces.length) {
                out.write((Integer.toHexString(spaces.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(spaces);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                spaces[0] = ' ';
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        assertTrue(response.contains("\"type\":\"urn:tenant-portal:problem:payload-too-large\""), response);
    }

    @Test
    void aMillionTinyRowsAreRefusedQuickly() {
        StringBuilder csv = new StringBuilder(4_100_000).append("tenantId,displayName\n");
        for (int i = 0; i < 1_000_000; i++) {
            csv.append("x,y\n");
        }
        long started = System.nanoTime();

        importFile(TestTokens.ALPHA, "", CSV, csv.toString()).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The file has more than 100000 rows (tenantportal.import.max-rows); split the file."));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "took too long");
    }

    @Test
    void aRowWithTenThousandColumnsIsRefused() {
        String csv = "tenantId,displayName\n" + ",".repeat(9_999) + "\n";
        importFile(TestTokens.ALPHA, "", CSV, csv).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tenant-portal:problem:invalid-upload"))
                .body("detail", equalTo("Row 2 has more cells than the header has columns (2)."));
        importFile(TestTokens.ALPHA, "", CSV, ",".repeat(9_999) + "\n").then().statusCode(400)
                .body("detail", equalTo("The first row (the header) is longer than 4096 characters."));
    }

    @Test
    void invalidUtf8IsRefusedInCsvAndJson() {
        byte[] latin1 = "tenantId,displayName\n2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01,Z\u00fcrich\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        importFile(TestTokens.ALPHA, "", CSV, latin1).then().statusCode(400)
                .body("detail", equalTo("The body is not UTF-8 text (invalid bytes within the first " + latin1.length + " bytes)."));
        byte[] json = "[{\"tenantId\": \"2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01\", \"displayName\": \"Z\u00fcrich\"}]"
                .getBytes(StandardCharsets.ISO_8859_1);
        importFile(TestTokens.ALPHA, "", "application/json", json).then().statusCode(400)
                .body("detail", equalTo("The body is not UTF-8 text (invalid bytes near line 1)."));
    }

    @Test
    void aFileThatIsNeitherCsvNorJsonIsRefused() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        importFile(TestTokens.ALPHA, "", CSV, png).then().statusCode(400)
                .body("detail", startsWithNotUtf8());
        importFile(TestTokens.ALPHA, "", CSV, "<html><body>Hello</body></html>").then().statusCode(400)
                .body("detail", equalTo("Unknown column '<html><body>hello</body></html>'; the columns are tenantId,"
                        + "displayName,defaultDomain,initialDomain,domains,aliases,refs,source (any order, any case)."));
        importFile(TestTokens.ALPHA, "", "application/json", "tenantId,displayName\nx,y\n").then().statusCode(400)
                .body("detail", equalTo("The body is not valid JSON from line 1 on."));
        importFile(TestTokens.ALPHA, "", "application/json", "{\"customers\": []}").then().statusCode(400)
                .body("detail", equalTo("A JSON import is an array of customers: [{\"tenantId\": ..., \"displayName\": ...}, ...]."));
        importFile(TestTokens.ALPHA, "", CSV, "tenantId,displayName\n\"unclosed,x\n").then().statusCode(400)
                .body("detail", equalTo("The body is not valid CSV from line 3 on (RFC 4180: check the quotes)."));
        importFile(TestTokens.ALPHA, "", CSV, "").then().statusCode(400)
                .body("detail", equalTo("The body is empty; a CSV file starts with its header row."));
    }

    private static org.hamcrest.Matcher<String> startsWithNotUtf8() {
        return org.hamcrest.Matchers.startsWith("The body is not UTF-8 text");
    }

    @Test
    void aGiantCellOrElementIsRefusedBeforeItIsHeld() {
        importFile(TestTokens.ALPHA, "", CSV, "tenantId,displayName\nx,\"" + "a".repeat(200_000) + "\"\n").then()
                .statusCode(400).body("detail", equalTo("The body holds a value longer than 100000 characters or nested "
                        + "deeper than any customer is; it is not CSV of customers."));
        String manyAliases = "[{\"tenantId\": \"2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01\", \"aliases\": ["
                + "\"a\",".repeat(5_000) + "\"a\"]}]";
        importFile(TestTokens.ALPHA, "", "application/json", manyAliases).then().statusCode(400)
                .body("detail", equalTo("Element 1 holds more values than any customer can."));
        importFile(TestTokens.ALPHA, "", "application/json", "[" + "[".repeat(100) + "]".repeat(101)).then()
                .statusCode(400).body("type", equalTo("urn:tenant-portal:problem:invalid-upload"));
    }

    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A POST over a plain socket, as a client that announces or streams more than it should: the
     * body is written by another thread (it may be cut off), the response read here.
     */
    private String rawPost(String path, String contentType, String lengthHeader, BodyWriter body) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                    + "Authorization: Bearer " + TestTokens.alphaAdmin() + "\r\n" + lengthHeader + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread sender = null;
            if (body != null) {
                sender = new Thread(() -> {
                    try {
                        body.write(out);
                        out.flush();
                    } catch (IOException e) {
                        // the server stopped reading: expected once it has refused the upload
                    }
                });
                sender.start();
            }
            String response = readResponse(socket.getInputStream());
            if (sender != null) {
                socket.close();
            }
            return response;
        }
    }

    /** Status line, headers and a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
