package io.tenantportal.tenant;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Starts loading the name index the moment Flyway has migrated the schema at start-up, instead of after
 * Hibernate, OIDC and the HTTP layer have started: the load (about as long as the rest of start-up with
 * 10,000 customers) then runs beside them, and start to ready shrinks by the overlap. Readiness is
 * unchanged: {@link CustomerChangeFeed} still holds start-up until the first load is done.
 */
@ApplicationScoped
class IndexLoadAfterMigration implements FlywayConfigurationCustomizer {

    @Inject
    CustomerChangeFeed feed;

    @Override
    public void customize(FluentConfiguration configuration) {
        var callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = new BaseCallback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public void handle(Event event, Context context) {
                feed.begin();
            }
        };
        configuration.callbacks(callbacks);
    }
}
