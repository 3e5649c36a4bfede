package io.tenantportal.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SharePoint Online tenant name, the {@code contoso} of {@code contoso-admin.sharepoint.com}: lower-case
 * letters and digits only, as Microsoft issues them, and short enough that {@code <name>-admin} is one DNS
 * label. Anything that passes is safe to place into a host name.
 */
public final class SharepointName {

    /** At most 57, so that the admin host's first label ({@code <name>-admin}) stays within DNS's 63. */
    public static final String PATTERN = "[a-z0-9]{1,57}";
    private static final Pattern NAME = Pattern.compile(PATTERN);

    private SharepointName() {
    }

    /** The name in lower case, or empty when the text is not one. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    /** What SharePoint names a tenant after by default: the first label of its initial domain. */
    public static Optional<String> ofInitialDomain(String initialDomain) {
        return DomainName.parseInitial(initialDomain)
                .flatMap(domain -> parse(domain.substring(0, domain.indexOf('.'))));
    }
}
