package io.tenantportal.directory;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspConfig;
import io.tenantportal.mssp.MsspRegistry;

/**
 * Which MSSPs have Graph: those with both a client id and a client secret. An MSSP without them
 * simply has no Graph; that is said once at start-up, and its requests never fail for it.
 */
@ApplicationScoped
class GraphAccess {

    private static final Logger LOG = Logger.getLogger(GraphAccess.class);

    /** The client-credentials grant of one MSSP's app registration. {@link #toString()} hides the secret. */
    record Credentials(UUID msspTenantId, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Credentials[tenant=" + msspTenantId + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @Inject
    MsspConfig config;

    @Inject
    MsspRegistry registry;

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 1) StartupEvent event) {
        for (Mssp mssp : registry.all()) {
            MsspConfig.Mssp settings = config.mssps().get(mssp.key());
            boolean id = present(settings.clientId());
            boolean secret = present(settings.clientSecret());
            if (id && secret) {
                LOG.infof("MSSP '%s': Microsoft Graph on, app %s", mssp.key(), settings.clientId().get());
            } else if (id || secret) {
                LOG.warnf("MSSP '%s': only one of client-id and client-secret is set, so Microsoft Graph is off: "
                        + "unknown names answer 404 and there is no sync", mssp.key());
            } else {
                LOG.infof("MSSP '%s': no Graph credentials, so Microsoft Graph is off: unknown names answer 404 "
                        + "and there is no sync", mssp.key());
            }
        }
    }

    Optional<Credentials> of(Mssp mssp) {
        MsspConfig.Mssp settings = config.mssps().get(mssp.key());
        if (settings == null || !present(settings.clientId()) || !present(settings.clientSecret())) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(mssp.tenantId(), settings.clientId().get().strip(),
                settings.clientSecret().get()));
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
