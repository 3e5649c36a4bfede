package io.tenantportal.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the name index is loaded. A replica stays ready while PostgreSQL is briefly away: known
 * names keep redirecting from memory, and what needs the database answers 503 with Retry-After, which
 * is better than taking every replica out of the Service at once.
 */
@Readiness
@ApplicationScoped
public class NameIndexReadiness implements HealthCheck {

    @Inject
    NameIndex index;

    @Inject
    CustomerChangeFeed feed;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("name-index")
                .status(index.loaded())
                .withData("customers", index.sizes().values().stream().mapToLong(Integer::longValue).sum())
                .withData("listening", feed.listening())
                .build();
    }
}
