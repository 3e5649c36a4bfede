package io.tenantportal.directory;

/** The two Graph lists an MSSP's customers come from; an app may be allowed to read either or both. */
public enum CustomerList {
    /** GDAP customers: {@code tenantId}, {@code displayName}. */
    GDAP("gdap", "/v1.0/tenantRelationships/delegatedAdminCustomers"),
    /** Partner contracts: {@code customerId}, {@code displayName}, {@code defaultDomainName}. */
    CONTRACTS("contracts", "/v1.0/contracts");

    private final String wire;
    private final String path;

    CustomerList(String wire, String path) {
        this.wire = wire;
        this.path = path;
    }

    public String wire() {
        return wire;
    }

    String path() {
        return path;
    }
}
