package io.tenantportal.portal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal catalogue. Templates take only values the service validated itself: {tenantId} is a
 * parsed GUID, {initialDomain} a domain that matched the strict pattern, {id} a deep-link id that
 * matched its own pattern.
 */
public enum Portal {
    DEFENDER("https://security.microsoft.com/?tid={tenantId}"),
    PURVIEW("https://purview.microsoft.com/?tid={tenantId}"),
    ENTRA("https://entra.microsoft.com/{tenantId}"),
    AZURE("https://portal.azure.com/#@{tenantId}"),
    INTUNE("https://intune.microsoft.com/{tenantId}"),
    M365("https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID={tenantId}&CSDEST=o365admincenter"),
    EXCHANGE("https://admin.exchange.microsoft.com/?landingpage=homepage&form=mac_sidebar&delegatedOrg={initialDomain}"),
    TEAMS("https://admin.teams.microsoft.com/?delegatedOrg={initialDomain}"),
    POWERPLATFORM("https://admin.powerplatform.microsoft.com/account/login/{tenantId}");

    public static final Portal DEFAULT = DEFENDER;

    private final String template;

    Portal(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** The name used in {@code ?portal=} and in JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsInitialDomain() {
        return template.contains("{initialDomain}");
    }

    public static Optional<Portal> fromWire(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wire().equals(wanted)).findFirst();
    }
}
