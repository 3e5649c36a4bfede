package io.tenantportal;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.tenantportal.problem.HttpLayerProblems;

/**
 * Starts the service. Before Quarkus starts, it moves Quarkus's check of the request URI from the
 * HTTP layer (which answers a blank 400) into the router, where {@link HttpLayerProblems} makes the
 * same check and answers problem+json. The switch is a system property that must be set before
 * Quarkus reads it at start-up, so it cannot live in application.properties.
 */
@QuarkusMain
public final class TenantPortalMain {

    private TenantPortalMain() {
    }

    public static void main(String... args) {
        System.setProperty(HttpLayerProblems.DISABLE_QUARKUS_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
