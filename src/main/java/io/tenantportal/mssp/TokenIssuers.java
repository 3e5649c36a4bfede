package io.tenantportal.mssp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.Validator;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.TenantFeature;
import io.tenantportal.web.BrowserTenantResolver;

/**
 * Registers {@link TokenIssuer} with quarkus-oidc, once per OIDC tenant (bearer tokens and the ID
 * tokens of browser sign-in), each with its own authority. quarkus-oidc finds jose4j validators
 * among the beans; {@link TenantFeature} names the tenant a validator belongs to. The check runs
 * where {@code quarkus.oidc[.web].token.issuer} is {@code any} (application.properties sets it);
 * an operator who sets a fixed issuer there gets quarkus-oidc's own comparison instead.
 */
@ApplicationScoped
public class TokenIssuers {

    static final String ANY = "any";
    private static final Logger LOG = Logger.getLogger(TokenIssuers.class);

    @Produces
    @Singleton
    @Unremovable
    @TenantFeature(BrowserTenantResolver.BEARER)
    Validator bearerTokens(Config config) {
        return validator(config, "quarkus.oidc.");
    }

    @Produces
    @Singleton
    @Unremovable
    @TenantFeature(BrowserTenantResolver.WEB)
    Validator browserIdTokens(Config config) {
        return validator(config, "quarkus.oidc." + BrowserTenantResolver.WEB + ".");
    }

    private static Validator validator(Config config, String prefix) {
        boolean anyIssuer = config.getOptionalValue(prefix + "token.issuer", String.class).map(ANY::equals).orElse(false);
        if (!anyIssuer) {
            return context -> null; // quarkus-oidc compares iss with the configured issuer itself
        }
        return config.getOptionalValue(prefix + "auth-server-url", String.class)
                .flatMap(TokenIssuer::forAuthority)
                .<Validator> map(issuer -> {
                    LOG.infof("%sauth-server-url: a token's iss must be %s", prefix, issuer.multiTenant()
                            ? "<authority root>/<its own tid>/v2.0" : "the authority itself");
                    return issuer;
                })
                .orElse(context -> null); // the tenant is not configured: it verifies nothing
    }
}
