package io.tenantportal.directory;

import io.tenantportal.problem.ProblemException;

/** Graph answered 403: the MSSP's app registration lacks the application permission for a call. */
public class DirectoryForbiddenException extends ProblemException {

    public DirectoryForbiddenException(String what) {
        super(502, "directory-forbidden", "Bad Gateway", "Microsoft Graph refused " + what
                + " (403): grant the app registration the application permissions listed in the README.");
    }
}
