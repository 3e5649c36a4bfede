package io.tenantportal.health;

import java.util.Locale;

/** Whether a customer's portal link will let the MSSP's analysts in; see README "Link health". */
public enum Verdict {
    // Declared best first: with several relationships for one customer, the best verdict wins.
    OK("An active GDAP relationship grants a role that opens this portal."),
    EXPIRING("Access works now, but the GDAP relationship ends soon and will not extend itself."),
    NO_ROLE("GDAP relationships exist, but no active access assignment grants a role that opens this portal."),
    EXPIRED("The GDAP relationship has ended (expired or terminated)."),
    NONE("No GDAP relationship with this customer. Access may still exist by other means (a guest account, "
            + "DAP, Azure Lighthouse), so this does not mean the link is broken."),
    UNKNOWN("GDAP relationships could not be read (Graph off for this MSSP, not read yet, or permission "
            + "DelegatedAdminRelationship.Read.All missing).");

    private final String detail;

    Verdict(String detail) {
        this.detail = detail;
    }

    /** {@code ok}, {@code expiring}, {@code no-role}, {@code expired}, {@code none}, {@code unknown}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String detail() {
        return detail;
    }

    boolean betterThan(Verdict other) {
        return ordinal() < other.ordinal();
    }
}
