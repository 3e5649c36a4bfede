package io.tenantportal.tenant;

/** One of several customers a name could mean. */
public record CustomerCandidate(String displayName, String tenantId) {

    static CustomerCandidate of(Customer c) {
        return new CustomerCandidate(c.displayName, c.tenantId.toString());
    }
}
