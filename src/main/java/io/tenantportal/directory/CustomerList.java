package io.tenantportal.directory;

/** The two Graph lists an MSSP's customers come from; an app may be allowed to read either or both. */
public enum CustomerList {
    /** GDAP customers: {@code tenantId}, {@code displayName}. */
    GDAP("gdap"),
    /** Partner contracts: {@code customerId}, {@code displayName}, {@code defaultDomainName}. */
    CONTRACTS("contracts");

    private final String wire;

    CustomerList(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
