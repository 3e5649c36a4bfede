package io.tenantportal.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * problem+json for what the HTTP layer refuses before any resource sees the request; JAX-RS errors
 * go through {@link ProblemMapper}. Three refusals of Quarkus's own HTTP layer answer a blank body
 * and offer no hook, so they are made here, first thing in the router, with the same rule:
 * <ul>
 * <li>a request URI that {@link URI} cannot parse (raw {@code | \ ` { } ^ < > "} in a pasted link):
 * Quarkus checks exactly this before the router, but only when the system property
 * {@code vertx.disableURIValidation} is not set. {@code TenantPortalMain} sets it (the pom, for dev mode and tests),
 * so the check runs here instead and answers 400 problem+json.</li>
 * <li>a body over {@code quarkus.http.limits.max-body-size}: 413, as Quarkus would; a chunked body
 * (no {@code Content-Length}) is read here up to the limit for that.</li>
 * <li>a client error of a route outside JAX-RS (static assets, health, OpenAPI): its status.</li>
 * </ul>
 * Requests that the HTTP decoder itself cannot read (a request line over
 * {@code quarkus.http.limits.max-initial-line-length}: 414; headers over {@code max-header-size}: 431;
 * a malformed request line) never reach a router and keep Vert.x's blank answer.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** The system property that moves Quarkus's URI check to {@link #firstOfAll}. */
    public static final String DISABLE_QUARKUS_URI_VALIDATION = "vertx.disableURIValidation";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /** Reads a chunked body (no Content-Length) up to the limit, or fails the request with 413. */
    private BodyHandler chunkedBodies;

    void install(@Observes Router router) {
        chunkedBodies = maxBodySize.map(limit -> BodyHandler.create(false).setBodyLimit(limit.asLongValue())).orElse(null);
        // First of all routes: any route with a path (even quarkus.http.header's) fails on an undecodable path.
        router.route().order(Integer.MIN_VALUE).handler(this::firstOfAll).failureHandler(this::failed);
    }

    void firstOfAll(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!parsableUri(request.uri())) {
            answer(context, 400, "invalid-request", "Bad Request", "The request URI holds characters that must be "
                    + "percent-encoded, such as | \\ ` { } ^ < > \" or a space.");
        } else if (tooLarge(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            payloadTooLarge(context);
        } else if (chunkedBodies != null && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // Quarkus REST would count the bytes itself, but answer a blank 413 when they are too many.
            chunkedBodies.handle(context);
        } else {
            context.next();
        }
    }

    static boolean parsableUri(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean tooLarge(String contentLength) {
        if (contentLength == null || maxBodySize.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize.get().asLongValue();
        } catch (NumberFormatException e) {
            return false; // the decoder refuses a malformed length before this
        }
    }

    private void payloadTooLarge(RoutingContext context) {
        // The rest of the body is not read: the connection ends with the answer, as Quarkus's own 413 does.
        context.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close());
        answer(context, 413, "payload-too-large", "Payload Too Large",
                "The request body is larger than " + maxBodySize.map(MemorySize::asLongValue).orElse(0L) + " bytes.");
    }

    /**
     * A route outside JAX-RS that fails with a client-error status and no exception (Vert.x's own
     * 404, 405, 413 ...) gets a problem. Exceptions, authentication redirects and challenges among
     * them, stay with Quarkus's failure handlers.
     */
    void failed(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().ended() && context.failure() instanceof HttpClosedException) {
            return; // the connection closed after the answer, as it does after a 413; nothing went wrong
        }
        if (context.failure() != null || status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
        } else if (status == 413) {
            payloadTooLarge(context);
        } else {
            String title = HttpResponseStatus.valueOf(status).reasonPhrase();
            answer(context, status, ProblemMapper.slug(title), title, ProblemMapper.detailFor(status));
        }
    }

    private static void answer(RoutingContext context, int status, String type, String title, String detail) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff") // quarkus.http.header's routes come after this one
                .end(Json.encode(Problem.body(status, type, title, detail, Map.of())));
    }
}
