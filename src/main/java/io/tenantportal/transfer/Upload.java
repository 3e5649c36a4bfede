package io.tenantportal.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import io.tenantportal.problem.ProblemException;

/**
 * A request body on its way in: counted, cut off past the size limit, and every way it can go wrong
 * turned into a 400 or 413 problem that says what is wrong (never library text or body content).
 */
final class Upload extends FilterInputStream {

    private final long maxBytes;
    private long read;

    /** Thrown from read() once the body is longer than allowed. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large", null);
        }
    }

    Upload(InputStream body, long maxBytes) {
        super(body);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (read > maxBytes) {
            throw new TooLarge();
        }
    }

    /**
     * The HTTP layer refuses a body over quarkus.http.limits.max-body-size (set to the same size) before
     * this; this one answers when tenantportal.import.max-bytes was set lower.
     */
    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Payload Too Large",
                "The body is larger than " + maxBytes + " bytes (tenantportal.import.max-bytes); split the file.");
    }

    static ProblemException tooManyRows(int maxRows) {
        return new ProblemException(413, "payload-too-large", "Payload Too Large",
                "The file has more than " + maxRows + " rows (tenantportal.import.max-rows); split the file.");
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-upload", "Invalid upload", detail, Map.of());
    }

    /** What went wrong while reading the body, as the problem the caller gets. */
    ProblemException failure(IOException e, String format) {
        if (e instanceof TooLarge || read > maxBytes) {
            return tooLarge(maxBytes);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return invalid("The body is not UTF-8 text (invalid bytes within the first " + read + " bytes).");
            }
        }
        if (e instanceof StreamConstraintsException) {
            return invalid("The body holds a value longer than " + CsvTable.MAX_CELL_CHARS
                    + " characters or nested deeper than any customer is; it is not " + format + " of customers.");
        }
        if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
            String message = String.valueOf(parse.getOriginalMessage());
            if (message.startsWith("Invalid UTF-8")) {
                return invalid("The body is not UTF-8 text (invalid bytes near line " + parse.getLocation().getLineNr() + ").");
            }
            return invalid("The body is not valid " + format + " from line " + parse.getLocation().getLineNr()
                    + " on" + ("CSV".equals(format) ? " (RFC 4180: check the quotes)." : "."));
        }
        return invalid("The body did not arrive completely.");
    }
}
