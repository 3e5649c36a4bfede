package io.tenantportal.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tenantportal.mssp.CallerMssp;

/**
 * Turns a presented key into the identity of its integration: principal its name, its one role, and
 * its MSSP's tenant id where {@link CallerMssp} looks for it. Every failure is the same
 * {@link AuthenticationFailedException}, so the 401 never tells whether a key exists. Memory only:
 * safe on the I/O thread.
 */
@ApplicationScoped
class IntegrationIdentityProvider implements IdentityProvider<IntegrationKeyRequest> {

    @Inject
    IntegrationKeys keys;

    @Inject
    LastUsed lastUsed;

    @Override
    public Class<IntegrationKeyRequest> getRequestType() {
        return IntegrationKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(IntegrationKeyRequest request, AuthenticationRequestContext context) {
        return keys.find(request.key()).map(holder -> {
            lastUsed.touch(holder.integrationId());
            SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(holder.name()))
                    .addRole(holder.role())
                    .addAttribute(CallerMssp.TID_ATTRIBUTE, holder.msspTenantId().toString())
                    .addAttribute(CallerMssp.INTEGRATION_ID_ATTRIBUTE, holder.integrationId())
                    .addAttribute(CallerMssp.INTEGRATION_NAME_ATTRIBUTE, holder.name())
                    .build();
            return Uni.createFrom().item(identity);
        }).orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }
}
