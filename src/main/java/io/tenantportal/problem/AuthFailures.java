package io.tenantportal.problem;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Spares every request a lookup Quarkus REST does only for metrics. Quarkus REST replaces the HTTP
 * layer's authentication-failure handler with its own on every request, and with Micrometer present it
 * first works out the request's URI template (a new path mapper per request: about 5% of a redirect's
 * CPU in the profile), for the metrics of an authentication that fails before any endpoint is
 * matched. With proactive authentication off that never happens here: credentials are checked when an
 * endpoint asks, after Quarkus REST has set the template itself. So this filter, right after Quarkus's
 * authentication handler (same priority, registered later), puts in Quarkus REST's own handler first,
 * and Quarkus REST leaves it as it is. Its class is private, hence the reflection; when a Quarkus
 * version lacks it, nothing is replaced and Quarkus REST does as before.
 */
@ApplicationScoped
public class AuthFailures {

    private static final Logger LOG = Logger.getLogger(AuthFailures.class);
    static final String QUARKUS_REST_HANDLER =
            "io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder$FailingDefaultAuthFailureHandler";

    void install(@Observes Filters filters) {
        BiConsumer<RoutingContext, Throwable> failing = quarkusRestHandler();
        if (failing == null) {
            return;
        }
        filters.register(request -> {
            if (request.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                request.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, failing);
            }
            request.next();
        }, SecurityHandlerPriorities.AUTHENTICATION);
    }

    /** One instance serves every request: it holds no state. */
    @SuppressWarnings("unchecked")
    static BiConsumer<RoutingContext, Throwable> quarkusRestHandler() {
        try {
            var constructor = Class.forName(QUARKUS_REST_HANDLER).getDeclaredConstructor();
            constructor.setAccessible(true);
            return (BiConsumer<RoutingContext, Throwable>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Quarkus REST's authentication-failure handler not found (%s); it stays as Quarkus sets it", e);
            return null;
        }
    }
}
