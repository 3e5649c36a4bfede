package io.tenantportal.directory;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tenantportal.graph.*}: where Microsoft Graph is and how patiently it is asked. */
@ConfigMapping(prefix = "tenantportal.graph")
public interface GraphConfig {

    /** Microsoft Graph root; calls go to {@code <base-url>/v1.0/...}. */
    @WithDefault("https://graph.microsoft.com")
    String baseUrl();

    /** Entra ID token endpoint root; the token URL is {@code <login-url>/<MSSP tenant id>/oauth2/v2.0/token}. */
    @WithDefault("https://login.microsoftonline.com")
    String loginUrl();

    /** A miss refreshes an MSSP's customer list at most once per this interval. */
    @WithDefault("60s")
    Duration refreshMinInterval();

    /** How long a name Graph did not know is answered 404 without asking Graph again. */
    @WithDefault("5m")
    Duration negativeTtl();

    /**
     * How long the tenant Graph named for a domain is remembered; it keeps a manual or imported customer's
     * domain, which the directory never stores as a name of that customer, from asking Graph every time.
     */
    @WithDefault("1h")
    Duration domainTtl();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long one Graph or token call may take before it counts as failed. */
    @WithDefault("20s")
    Duration readTimeout();

    /** Tries of one call, the first included: Graph throttles (429), is busy (503, 504) or the connection drops. */
    @WithDefault("4")
    int maxAttempts();

    /** The longest wait between tries; Graph asking for longer ends the call (503) instead of waiting. */
    @WithDefault("30s")
    Duration maxRetryAfter();

    /** First back-off when Graph sends no Retry-After; doubled each try, with jitter. */
    @WithDefault("1s")
    Duration backoff();

    /** Customers per page ({@code $top}); Graph allows up to 300 for GDAP customers. */
    @WithDefault("300")
    int pageSize();

    /** A token is renewed this long before it expires; keep it well below the token lifetime (Entra: 60-90 min). */
    @WithDefault("5m")
    Duration tokenRenewBefore();

    /** A miss waits this long for another replica's sync of the same MSSP before answering 503. */
    @WithDefault("15s")
    Duration syncWait();

    Breaker breaker();

    interface Breaker {
        /** Failed calls in a row (after their retries) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before one trial call may pass. */
        @WithDefault("30s")
        Duration openFor();
    }
}
