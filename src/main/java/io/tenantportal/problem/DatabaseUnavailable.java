package io.tenantportal.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.ws.rs.core.Response;

/**
 * Tells a failure caused by PostgreSQL being away (restarting, failing over, refusing connections)
 * from a real defect, so the caller gets 503 with Retry-After, the answer that says "come back in a
 * moment", instead of 500. Known names never get here: they are answered from memory.
 */
final class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;

    /** SQLState classes and codes that mean the server or the connection is gone, not the statement wrong. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool gives up waiting for a connection with a plain SQLException.
                if (state == null && String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Response response() {
        return Problem.response(503, "database-unavailable", "Service Unavailable",
                "The database cannot be reached right now; known names still redirect. Retry in a few seconds.")
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                .build();
    }
}
