package io.tenantportal.portal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tenantportal.audit.AccessLog;
import io.tenantportal.audit.AccessRecord;
import io.tenantportal.health.LinkHealthService;
import io.tenantportal.limits.MissLimiter;
import io.tenantportal.limits.TooManyMissesException;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.CustomerView;

/**
 * Answers a portal call, whatever named the customer (a name, a PSA reference): the 302 to the
 * portal, or its URL as JSON, and one access-log entry for every outcome. A miss counts against the
 * caller's miss limit before anything costly happens. A customer found in memory
 * is answered on the calling (event-loop) thread with no I/O, and so is a miss when the MSSP has no
 * directory (the suggestions are worked out in memory, about 0.2 ms, and remembered); a miss that may
 * ask Microsoft Graph, or whose suggestions would be slow (many customers changed since the
 * similar-names index was built), moves to a worker thread.
 */
@ApplicationScoped
public class PortalAnswers {

    @Inject
    PortalCatalog catalog;

    @Inject
    AccessLog access;

    @Inject
    MissLimiter limiter;

    @Inject
    LinkHealthService health;

    /** How the caller named the customer: first from memory, then (on a worker thread) the slow way. */
    public interface Lookup {
        /** The customer from memory, without I/O; empty when memory does not know it. */
        Optional<CustomerView> fromMemory();

        /** The customer when memory did not know it; may wait for I/O; throws the 404/409/503 problem. */
        CustomerView otherwise();

        /** False when {@link #otherwise} never waits for I/O, so it may run on the calling (event-loop) thread. */
        default boolean mayWait() {
            return true;
        }
    }

    /**
     * @param asked what named the customer, for the access log when it does not resolve
     */
    public Uni<Response> serve(Mssp mssp, Actor actor, String asked, UriInfo uriInfo, HttpHeaders headers,
            Lookup lookup) {
        PortalRequest request;
        Optional<CustomerView> known;
        try {
            request = PortalRequest.of(uriInfo.getQueryParameters(), catalog);
        } catch (RuntimeException e) {
            record(mssp, actor, asked, null, null, AccessLog.statusOf(e));
            throw e;
        }
        try {
            known = lookup.fromMemory();
            if (known.isEmpty()) {
                limiter.requireAvailable(mssp, actor);
            }
        } catch (RuntimeException e) {
            RuntimeException answered = e;
            try {
                limiter.chargeFor(mssp, actor, e);
            } catch (TooManyMissesException tooMany) {
                answered = tooMany;
            }
            record(mssp, actor, asked, null, request.portal(), AccessLog.statusOf(answered));
            throw answered;
        }
        if (known.isPresent()) {
            return Uni.createFrom().item(answer(mssp, actor, asked, known.get(), request, headers));
        }
        Supplier<CustomerView> slow = lookup::otherwise;
        Uni<CustomerView> otherwise = Uni.createFrom().item(slow);
        if (lookup.mayWait()) {
            otherwise = otherwise.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return otherwise
                .onFailure().invoke(e -> {
                    limiter.chargeAfter(mssp, actor, e);
                    record(mssp, actor, asked, null, request.portal(), AccessLog.statusOf(
                            e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e)));
                })
                .map(customer -> answer(mssp, actor, asked, customer, request, headers));
    }

    private Response answer(Mssp mssp, Actor actor, String asked, CustomerView customer, PortalRequest request,
            HttpHeaders headers) {
        UUID tenantId = UUID.fromString(customer.tenantId());
        try {
            String url = url(customer, request);
            String portal = request.portal().wire();
            Response response = wantsJson(headers)
                    ? Response.ok(new PortalLink(customer.tenantId(), customer.displayName(), portal, url,
                            health.of(mssp, tenantId, portal)), MediaType.APPLICATION_JSON_TYPE)
                            .header("Cache-Control", "no-store").build()
                    // the absolute URL as is: Response.location would parse it into a URI again
                    : Response.status(Response.Status.FOUND).header(HttpHeaders.LOCATION, url)
                            .header("Cache-Control", "no-store").build();
            record(mssp, actor, asked, tenantId, request.portal(), response.getStatus());
            return response;
        } catch (RuntimeException e) {
            record(mssp, actor, asked, tenantId, request.portal(), AccessLog.statusOf(e));
            throw e;
        }
    }

    /** The portal URL of a customer; 409 when the portal needs a domain the customer lacks. */
    public String url(CustomerView customer, PortalRequest request) {
        return catalog.url(request.portal(), customer, request.deepLink());
    }

    private void record(Mssp mssp, Actor actor, String asked, UUID tenantId, Portal portal, int status) {
        access.record(mssp, actor, new AccessRecord(tenantId, asked, portal == null ? null : portal.wire(), status));
    }

    /** JSON only when the caller prefers it to anything else; browsers and curl get the redirect. */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardSubtype()) {
                return true;
            }
            if ("text".equals(type.getType()) || type.isWildcardSubtype()) {
                return false;
            }
        }
        return false;
    }
}
