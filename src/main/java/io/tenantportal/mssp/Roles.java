package io.tenantportal.mssp;

/** Entra ID app roles, read from the token's {@code roles} claim. Admin may do all that Read may. */
public final class Roles {

    public static final String READ = "Portal.Read";
    public static final String ADMIN = "Portal.Admin";

    private Roles() {
    }
}
