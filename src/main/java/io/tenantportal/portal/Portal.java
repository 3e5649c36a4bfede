package io.tenantportal.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A portal of the catalogue: its wire name ({@code ?portal=}, JSON), the label of its button, and its
 * URL template. Templates take only values the service validated itself: {tenantId} is a parsed GUID,
 * {initialDomain} and {defaultDomain} domains that matched the strict pattern, {sharepointName} a
 * SharePoint tenant name (lower-case letters and digits). The built-in portals are below; a deployment
 * adds its own from configuration ({@link PortalConfig}, checked by {@link CustomPortals}).
 */
public record Portal(String wire, String label, String template, boolean builtIn) {

    /** The customer values a template may name. */
    public enum Placeholder {
        TENANT_ID("tenantId"), INITIAL_DOMAIN("initialDomain"), DEFAULT_DOMAIN("defaultDomain"),
        SHAREPOINT_NAME("sharepointName");

        private final String field;

        Placeholder(String field) {
            this.field = field;
        }

        /** The customer field it comes from, also its name between the braces. */
        public String field() {
            return field;
        }

        public String token() {
            return "{" + field + "}";
        }
    }

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public static final Portal DEFENDER = builtIn("defender", "Defender", "https://security.microsoft.com/?tid={tenantId}");
    public static final Portal PURVIEW = builtIn("purview", "Purview", "https://purview.microsoft.com/?tid={tenantId}");
    public static final Portal ENTRA = builtIn("entra", "Entra", "https://entra.microsoft.com/{tenantId}");
    public static final Portal AZURE = builtIn("azure", "Azure", "https://portal.azure.com/#@{tenantId}");
    public static final Portal INTUNE = builtIn("intune", "Intune", "https://intune.microsoft.com/{tenantId}");
    public static final Portal M365 = builtIn("m365", "M365 admin",
            "https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID={tenantId}&CSDEST=o365admincenter");
    public static final Portal EXCHANGE = builtIn("exchange", "Exchange",
            "https://admin.exchange.microsoft.com/?landingpage=homepage&form=mac_sidebar&delegatedOrg={initialDomain}");
    public static final Portal TEAMS = builtIn("teams", "Teams", "https://admin.teams.microsoft.com/?delegatedOrg={initialDomain}");
    public static final Portal POWERPLATFORM = builtIn("powerplatform", "Power Platform",
            "https://admin.powerplatform.microsoft.com/account/login/{tenantId}");
    public static final Portal SHAREPOINT = builtIn("sharepoint", "SharePoint admin",
            "https://{sharepointName}-admin.sharepoint.com/");
    public static final Portal POWERAPPS = builtIn("powerapps", "Power Apps",
            "https://make.powerapps.com/home?tenant={tenantId}");
    public static final Portal POWERBI = builtIn("powerbi", "Power BI admin",
            "https://app.powerbi.com/admin-portal?ctid={tenantId}");

    /** The built-in catalogue, in the order the page shows it. */
    public static final List<Portal> BUILT_IN = List.of(DEFENDER, PURVIEW, ENTRA, AZURE, INTUNE, M365, EXCHANGE, TEAMS,
            POWERPLATFORM, SHAREPOINT, POWERAPPS, POWERBI);

    public static final Portal DEFAULT = DEFENDER;

    private static Portal builtIn(String wire, String label, String template) {
        return new Portal(wire, label, template, true);
    }

    /** A portal a deployment configured; {@link CustomPortals} checked it first. */
    static Portal custom(String wire, String label, String template) {
        return new Portal(wire, label, template, false);
    }

    /** The placeholders the template names, in order of appearance; unknown names are not in it. */
    public List<Placeholder> placeholders() {
        return PLACEHOLDERS_OF.computeIfAbsent(template, Portal::scan);
    }

    /** Every link asks which values its template needs: the templates are few and fixed, so each is scanned once. */
    private static final Map<String, List<Placeholder>> PLACEHOLDERS_OF = new ConcurrentHashMap<>();

    private static List<Placeholder> scan(String template) {
        List<Placeholder> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            for (Placeholder p : Placeholder.values()) {
                if (p.field().equals(m.group(1)) && !found.contains(p)) {
                    found.add(p);
                }
            }
        }
        return List.copyOf(found);
    }

    /** The customer fields the link needs beyond its tenant id (sharepointName: that or the initial domain). */
    public List<String> needs() {
        return placeholders().stream().filter(p -> p != Placeholder.TENANT_ID).map(Placeholder::field).toList();
    }

    public boolean needsInitialDomain() {
        return template.contains(Placeholder.INITIAL_DOMAIN.token());
    }
}
