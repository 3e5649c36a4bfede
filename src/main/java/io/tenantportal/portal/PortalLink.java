package io.tenantportal.portal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantportal.health.LinkHealth;

@Schema(name = "PortalLink", example = """
        {"tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd", "portal": "defender",
         "url": "https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01",
         "health": {"portal": "defender", "verdict": "ok", "endsAt": "2027-06-01T00:00:00Z",
          "relationship": "Contoso SOC", "checkedAt": "2026-11-30T03:00:00Z",
          "detail": "An active GDAP relationship grants a role that opens this portal."}}""")
public record PortalLink(String tenantId, String displayName, String portal, String url,
        @Schema(description = "Whether the MSSP's GDAP access opens this portal (README \"Link health\"); "
                + "informative only, the redirect is never blocked") LinkHealth health) {
}
