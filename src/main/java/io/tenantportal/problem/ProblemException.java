package io.tenantportal.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way to say an error: a domain exception that {@link ProblemMapper} turns into an RFC 9457
 * problem+json response. Extension members (suggestions, candidates, errors, ...) ride along.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        this(status, type, title, detail, extensions, Map.of());
    }

    /** With response headers that belong to the problem, such as {@code Retry-After} on a 503. */
    protected ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** The short problem type; the response carries it as {@code urn:tenant-portal:problem:<type>}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message,
                Map.of("errors", java.util.List.of(new FieldError(field, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public record FieldError(String field, String message) {
    }
}
