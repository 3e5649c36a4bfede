package io.tenantportal.problem;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * The one way to say an error: a domain exception that {@link ProblemMapper} turns into an RFC 9457
 * problem+json response. Extension members (suggestions, candidates, errors, ...) ride along.
 */
public class ProblemException extends RuntimeException {

    private static final int SHOWN_ERRORS = 3;

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
                Map.of("errors", List.of(new FieldError(field, message))));
    }

    /**
     * Bean Validation's violations as one 400: {@code "field: message"} as detail for one, the first few
     * of them for more. Fields read as the body names them ({@code domains[2]}, {@code refs[0].system}).
     */
    public static ProblemException invalid(Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.stream().limit(SHOWN_ERRORS).map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "))
                + (errors.size() > SHOWN_ERRORS ? "; and " + (errors.size() - SHOWN_ERRORS) + " more" : "");
        return new ProblemException(400, "invalid-request", "Invalid request", detail, Map.of("errors", errors));
    }

    /** The path without the method and parameter it was validated on; container elements by their index. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        // A parameter itself (a missing body, a query parameter) is named as the parameter.
        return field.isEmpty() && parameter != null ? parameter : field.toString();
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public record FieldError(String field, String message) {
    }
}
