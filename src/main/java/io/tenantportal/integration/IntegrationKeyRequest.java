package io.tenantportal.integration;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A presented integration key, possibly malformed; {@link IntegrationIdentityProvider} decides. */
final class IntegrationKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    IntegrationKeyRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
