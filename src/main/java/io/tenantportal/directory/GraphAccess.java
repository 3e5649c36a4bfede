package io.tenantportal.directory;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspConfig;

/**
 * Which MSSPs have Graph: those with both a client id and a client secret. An MSSP without them
 * simply has no Graph, and its requests never fail for it.
 */
@ApplicationScoped
class GraphAccess {

    /** The client-credentials grant of one MSSP's app registration. {@link #toString()} hides the secret. */
    record Credentials(UUID msspTenantId, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Credentials[tenant=" + msspTenantId + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @Inject
    MsspConfig config;

    Optional<Credentials> of(Mssp mssp) {
        MsspConfig.Mssp settings = config.mssps().get(mssp.key());
        if (settings == null || !present(settings.clientId()) || !present(settings.clientSecret())) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(mssp.tenantId(), settings.clientId().get().strip(),
                settings.clientSecret().get()));
    }

    /** Why the MSSP has no Graph, for the one log line that says so; empty when it has Graph. */
    Optional<String> missing(Mssp mssp) {
        MsspConfig.Mssp settings = config.mssps().get(mssp.key());
        boolean id = settings != null && present(settings.clientId());
        boolean secret = settings != null && present(settings.clientSecret());
        if (id && secret) {
            return Optional.empty();
        }
        return Optional.of(id || secret ? "only one of client-id and client-secret is set" : "no Graph credentials");
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
