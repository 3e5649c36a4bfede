package io.tenantportal.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one deployment the suite starts besides the shared one, differing in two independent ways
 * so that a single extra start (about 15 s) covers both: a single-MSSP deployment signed in through
 * its own tenant's authority ({@code <root>/<alpha's tenant id>/v2.0}) instead of "organizations",
 * and an ingress whose address list does not include loopback, so the tests' requests come from
 * an untrusted proxy.
 */
public class SecondDeployment implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.quarkus.oidc.auth-server-url", "${" + EntraWireMock.ROOT_PROPERTY + "}/" + TestTokens.ALPHA + "/v2.0",
                "quarkus.http.proxy.trusted-proxies", "10.0.0.0/8");
    }
}
