package io.tenantportal.portal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tenantportal.problem.ProblemException;

/** A Defender deep link: one incident, alert or device, each id checked against its own pattern. */
public record DeepLink(Kind kind, String id) {

    public enum Kind {
        INCIDENT("incident", Pattern.compile("[0-9]{1,19}"),
                "https://security.microsoft.com/incidents/{id}?tid={tenantId}"),
        ALERT("alert", Pattern.compile("[A-Za-z0-9_-]{1,128}"),
                "https://security.microsoft.com/alerts/{id}?tid={tenantId}"),
        DEVICE("device", Pattern.compile("[0-9a-fA-F]{40}"),
                "https://security.microsoft.com/machines/v2/{id}/overview?tid={tenantId}");

        private final String parameter;
        private final Pattern pattern;
        private final String template;

        Kind(String parameter, Pattern pattern, String template) {
            this.parameter = parameter;
            this.pattern = pattern;
            this.template = template;
        }

        public String parameter() {
            return parameter;
        }

        public String template() {
            return template;
        }
    }

    /** At most one of the three; each must match its pattern exactly. */
    public static Optional<DeepLink> parse(String incident, String alert, String device) {
        DeepLink found = null;
        String[] values = { incident, alert, device };
        for (Kind kind : Kind.values()) {
            String value = values[kind.ordinal()];
            if (value == null) {
                continue;
            }
            if (found != null) {
                throw ProblemException.badRequest("Give at most one of incident, alert and device.");
            }
            if (!kind.pattern.matcher(value).matches()) {
                throw ProblemException.invalidField(kind.parameter, switch (kind) {
                    case INCIDENT -> "must be an incident number (digits only)";
                    case ALERT -> "must be an alert id (letters, digits, '-' and '_', at most 128)";
                    case DEVICE -> "must be a device id (40 hexadecimal characters)";
                });
            }
            found = new DeepLink(kind, kind == Kind.DEVICE ? value.toLowerCase(Locale.ROOT) : value);
        }
        return Optional.ofNullable(found);
    }
}
