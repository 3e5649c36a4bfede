package io.tenantportal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** What a signed-out browser gets when the sign-in redirect cannot be built. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    private static RoutingContext browserNavigation(HttpAuthenticator authenticator) {
        HttpServerRequest request = mock(HttpServerRequest.class);
        when(request.getHeader(HttpHeaders.ACCEPT)).thenReturn("text/html,application/xhtml+xml,*/*;q=0.8");
        RoutingContext context = mock(RoutingContext.class);
        when(context.request()).thenReturn(request);
        when(context.get(HttpAuthenticator.class.getName())).thenReturn(authenticator);
        return context;
    }

    @Test
    void unreachableIdentityProviderIsAServiceUnavailableProblem() {
        HttpAuthenticator authenticator = mock(HttpAuthenticator.class);
        RoutingContext context = browserNavigation(authenticator);
        when(authenticator.getChallenge(context))
                .thenReturn(Uni.createFrom().failure(new OIDCException("OIDC Server is not available")));

        Response response = mapper.unauthenticated(new UnauthorizedException(), context)
                .await().atMost(Duration.ofSeconds(5));

        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA, response.getMediaType());
        assertEquals("30", response.getHeaderString("Retry-After"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertEquals("urn:tenant-portal:problem:sign-in-unavailable", body.get("type"));
        assertEquals(503, body.get("status"));
    }
}
