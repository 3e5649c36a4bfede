package io.tenantportal.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tenantportal.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * A request authenticated only by the browser session cookie may read, but may change something
 * only with proof that this service's own page sent it: an {@code Origin} header naming this
 * service (as the browser sees it: scheme and host after the trusted proxy's forwarded headers),
 * or, without {@code Origin}, {@code Sec-Fetch-Site: same-origin}. Otherwise another site could make
 * a signed-in browser write (SameSite=Lax alone still lets same-site pages and top-level form posts
 * through in some browsers). Browsers send {@code Origin} with every non-GET fetch, so the page's
 * own writes pass. Bearer and integration-key callers carry their credential in a header no other
 * site can make a browser send, and are not checked.
 * <p>
 * Hand-written because quarkus-rest-csrf protects HTML forms with a token and would also demand
 * one from bearer callers; an origin check needs no token in the page.
 */
public class SessionWriteGuard {

    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    static final String API_KEY_HEADER = "X-API-Key";

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> sessionWritesNeedSameOrigin(HttpServerRequest request) {
        if (READS.contains(request.method().name()) || BrowserRequest.carriesCredentials(request)
                || request.getHeader(API_KEY_HEADER) != null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (isSession(identity) && !sameOrigin(request)) {
                throw new ProblemException(403, "cross-site-write", "Forbidden",
                        "A change made with a browser session must come from this service's own page "
                                + "(Origin header); scripts and tools send a bearer token instead.");
            }
            return null;
        });
    }

    static boolean isSession(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.getCredential(IdTokenCredential.class) != null;
    }

    /** True when the request says it comes from a page of this very origin. */
    static boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return "same-origin".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        HostAndPort authority = request.authority();
        return authority != null && sameOrigin(origin, request.scheme(), authority.host(), authority.port());
    }

    static boolean sameOrigin(String origin, String scheme, String host, int port) {
        try {
            URI uri = new URI(origin.strip());
            return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(scheme)
                    && uri.getHost() != null && uri.getHost().equalsIgnoreCase(host)
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && effectivePort(uri.getPort(), scheme) == effectivePort(port, scheme);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int effectivePort(int port, String scheme) {
        if (port >= 0) {
            return port;
        }
        return "https".equals(scheme.toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
