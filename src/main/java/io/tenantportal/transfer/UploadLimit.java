package io.tenantportal.transfer;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.tenantportal.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The size limit of POST /import and /import/match, answered as problem+json. The HTTP layer's own
 * check (quarkus.http.limits.max-body-size, set to the same size) would answer a bare 413: a body that
 * announces a larger Content-Length is refused here first, before a byte of it is read; a chunked body
 * (no length up front) is counted by {@link Upload} as it is read, so the HTTP layer's own cut-off is
 * lifted for these two paths.
 */
@ApplicationScoped
class UploadLimit {

    private static final String PATHS = "/import(/match)?";

    @Inject
    TransferConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long maxBytes = config.maxBytes().asLongValue();
        byte[] problem = problem(maxBytes);
        router.routeWithRegex(HttpMethod.POST, PATHS).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            if (announcedLength(context) > maxBytes) {
                refuse(context, problem);
            } else {
                context.next();
            }
        });
        router.routeWithRegex(HttpMethod.POST, PATHS).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(context -> {
            context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            context.next();
        });
    }

    private static long announcedLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers 413 and closes the connection, so the client stops sending the rest. */
    private static void refuse(RoutingContext context, byte[] problem) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> context.request().connection().close())
                .end(io.vertx.core.buffer.Buffer.buffer(problem));
    }

    private byte[] problem(long maxBytes) {
        var tooLarge = Upload.tooLarge(maxBytes);
        try {
            return json.writeValueAsBytes(Problem.body(tooLarge.status(), tooLarge.type(), tooLarge.title(),
                    tooLarge.detail(), Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
