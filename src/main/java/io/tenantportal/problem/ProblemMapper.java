package io.tenantportal.problem;


import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.tenantportal.web.BrowserRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Maps every failure to problem+json exactly once. Nothing from an exception message of a library
 * (SQL, stack, token text) is copied into a response: those get fixed, generic words.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        Response.ResponseBuilder response = Problem.response(e.status(), e.type(), e.title(), e.detail(), e.extensions());
        e.headers().forEach(response::header);
        return response.build();
    }

    /**
     * A browser navigation is sent to sign in (the code flow's redirect to the identity provider);
     * every other caller gets 401 problem+json. See {@link BrowserRequest} for the rule.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<Response> unauthenticated(RuntimeException e, RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null || !BrowserRequest.isNavigation(context.request())) {
            return Uni.createFrom().item(unauthenticated());
        }
        return authenticator.getChallenge(context).map(challenge -> challenge != null && challenge.status == 302
                ? withHeaders(Response.status(302), challenge).header("Cache-Control", "no-store").build()
                : unauthenticated())
                // The identity provider could not be reached to build the sign-in redirect.
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("browser sign-in unavailable: %s", failure.getClass().getSimpleName());
                    return Problem.response(503, "sign-in-unavailable", "Service Unavailable",
                            "The identity provider cannot be reached right now; try again shortly.")
                            .header("Retry-After", "30").build();
                });
    }

    /** A failed sign-in callback is not retried with another redirect, so a broken setup cannot loop. */
    @ServerExceptionMapper
    public Response signInFailed(AuthenticationCompletionException e) {
        return Problem.response(401, "sign-in-failed", "Unauthorized",
                "Sign-in with the identity provider did not complete; open the link again.").build();
    }

    private static Response unauthenticated() {
        return Problem.response(401, "unauthenticated", "Unauthorized",
                "A valid bearer token is required.")
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder, ChallengeData challenge) {
        challenge.getHeaders().forEach((name, value) -> builder.header(name.toString(), value));
        return builder;
    }

    @ServerExceptionMapper
    public Response redirect(AuthenticationRedirectException e) {
        // The code flow's own redirects: back to the clicked link after sign-in, and to the provider's sign-out.
        return Response.status(e.getCode()).header("Location", e.getRedirectUri())
                .header("Cache-Control", "no-store").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Forbidden",
                "The caller's roles do not allow this operation.").build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return domain(ProblemException.invalid(e.getConstraintViolations()));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableJson(Exception e) {
        return Problem.response(400, "invalid-request", "Invalid request",
                "The request body is not valid JSON of the expected shape.").build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException) {
            return unreadableJson(e);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String title = info.getReasonPhrase() == null ? "Error" : info.getReasonPhrase();
        return Problem.response(status, slug(title), title, detailFor(status)).build();
    }

    @ServerExceptionMapper({ jakarta.persistence.OptimisticLockException.class, LockAcquisitionException.class,
            org.hibernate.StaleObjectStateException.class })
    public Response concurrentChange(RuntimeException e) {
        return Problem.response(409, "concurrent-change", "Conflict",
                "The customer was changed by another request at the same time; retry.").build();
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
        // The database refused a duplicate that a concurrent writer created first.
        LOG.debugf("constraint %s refused a write", e.getConstraintName());
        return Problem.response(409, "name-conflict", "Conflict",
                "A customer, name or domain in this request is already taken; retry to see by whom.").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // A constraint violation may arrive wrapped (transaction commit, JPA); answer it as a conflict.
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return constraint(cve);
            }
        }
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("database unavailable: %s", e.getClass().getSimpleName());
            return DatabaseUnavailable.response();
        }
        LOG.error("unexpected failure", e);
        return Problem.response(500, "internal-error", "Internal Server Error",
                "The request failed unexpectedly; it has been logged.").build();
    }

    static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "The method is not allowed on this resource.";
            case 406 -> "No acceptable representation; use application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported media type; send application/json.";
            default -> "The request could not be served.";
        };
    }
}
