package io.tenantportal.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DNS domain as Entra ID verifies them: ASCII labels (IDNs in their xn-- form), at least two, a
 * letter-led top-level label. Anything that passes is safe to place into a URL or an OData literal.
 */
public final class DomainName {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");
    public static final String INITIAL_DOMAIN_SUFFIX = ".onmicrosoft.com";

    private DomainName() {
    }

    /** The domain in lower case, or empty when the text is not a domain. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return DOMAIN.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    /** A tenant's initial domain, the one Microsoft assigns: {@code <name>.onmicrosoft.com}. */
    public static Optional<String> parseInitial(String text) {
        return parse(text).filter(d -> d.endsWith(INITIAL_DOMAIN_SUFFIX) && d.length() > INITIAL_DOMAIN_SUFFIX.length());
    }
}
