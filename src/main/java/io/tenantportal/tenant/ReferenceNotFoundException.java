package io.tenantportal.tenant;

import io.tenantportal.problem.ProblemException;

/** No live customer of the caller's MSSP carries the PSA reference. References have no suggestions. */
public class ReferenceNotFoundException extends ProblemException {

    public ReferenceNotFoundException() {
        super(404, "reference-not-found", "Reference not found",
                "No customer of this MSSP carries that reference; add it to the customer with PUT /tenants/{tenantId} "
                        + "or an import.");
    }
}
