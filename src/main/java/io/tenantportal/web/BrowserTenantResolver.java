package io.tenantportal.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses the OIDC tenant by {@link BrowserRequest}: bearer callers always get the default
 * (bearer-only) tenant, browser navigations the "web" tenant (authorization-code flow). For the rest
 * it answers nothing, so quarkus-oidc keeps the tenant named by a session cookie (a signed-in
 * page's fetch() calls) and otherwise uses the default tenant, which answers 401.
 */
@ApplicationScoped
public class BrowserTenantResolver implements TenantResolver {

    /** The name of the browser tenant in {@code quarkus.oidc.web.*}. */
    public static final String WEB = "web";
    /** quarkus-oidc's name for the tenant configured directly under {@code quarkus.oidc.*}. */
    public static final String BEARER = "Default";

    @Override
    public String resolve(RoutingContext context) {
        if (BrowserRequest.carriesCredentials(context.request())) {
            return BEARER;
        }
        return BrowserRequest.isNavigation(context.request()) ? WEB : null;
    }
}
