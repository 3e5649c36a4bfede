package io.tenantportal.directory;

/**
 * A Graph call failed on the connection, not with an answer and not by timing out: typically a pooled
 * keep-alive connection the other side had just closed ("Broken pipe", "Connection reset"). The call is
 * tried again at once, on a new connection (see {@link RetryAfterBackoff}).
 */
final class GraphConnectionLostException extends RuntimeException {

    private final String operation;
    private final String rootCause;

    GraphConnectionLostException(String operation, String rootCause) {
        super("Graph " + operation + " failed: " + rootCause, null, false, false);
        this.operation = operation;
        this.rootCause = rootCause;
    }

    String operation() {
        return operation;
    }

    /** The root failure's class name, never its message (which may hold a URL with a token). */
    String rootCause() {
        return rootCause;
    }
}
