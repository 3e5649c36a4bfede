package io.tenantportal.mssp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Fails closed: a production start without token validation or without any MSSP stops here
 * instead of serving requests it cannot authorise.
 */
@ApplicationScoped
public class ProductionGuard {

    static final List<String> REQUIRED = List.of(
            "quarkus.oidc.auth-server-url", "quarkus.oidc.client-id", "quarkus.oidc.token.audience");

    @Inject
    Config config;

    @Inject
    MsspConfig mssps;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            List<String> missing = missing(name -> config.getOptionalValue(name, String.class), mssps.mssps().size());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("refusing to start: set " + String.join(", ", missing));
            }
        }
    }

    /** What a production start lacks; empty when it may start. */
    static List<String> missing(Function<String, Optional<String>> lookup, int msspCount) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (lookup.apply(name).filter(v -> !v.isBlank()).isEmpty()) {
                missing.add(name);
            }
        }
        if (lookup.apply("quarkus.oidc.tenant-enabled").map("false"::equalsIgnoreCase).orElse(false)) {
            missing.add("quarkus.oidc.tenant-enabled=true");
        }
        // Browser sign-in needs the app's client secret for the code exchange; without one it could
        // only fail at the first sign-in. It can be switched off instead.
        boolean browserSignIn = !lookup.apply("quarkus.oidc.web.tenant-enabled").map("false"::equalsIgnoreCase)
                .orElse(false);
        if (browserSignIn && lookup.apply("quarkus.oidc.web.credentials.secret").filter(v -> !v.isBlank()).isEmpty()) {
            missing.add("quarkus.oidc.web.credentials.secret (or quarkus.oidc.web.tenant-enabled=false)");
        }
        if (msspCount == 0) {
            missing.add("tenantportal.mssps.\"<key>\".tenant-id (at least one MSSP)");
        }
        return missing;
    }
}
