package io.tenantportal.mssp;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code tenantportal.mssps."<key>".*}: the MSSPs this deployment serves. */
@ConfigMapping(prefix = "tenantportal")
public interface MsspConfig {

    Map<String, Mssp> mssps();

    interface Mssp {
        /** The MSSP's own (partner) tenant id; tokens whose {@code tid} is this belong to the MSSP. */
        String tenantId();

        Optional<String> displayName();

        /** App registration used to call Microsoft Graph; without it Graph is off for the MSSP. */
        Optional<String> clientId();

        Optional<String> clientSecret();
    }
}
