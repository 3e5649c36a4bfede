package io.tenantportal.tenant;

/** The name index could not read the database; the index keeps what it has and tries again later. */
class IndexUnavailableException extends RuntimeException {

    IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
