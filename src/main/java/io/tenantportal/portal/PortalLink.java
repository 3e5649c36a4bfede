package io.tenantportal.portal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PortalLink", example = """
        {"tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd", "portal": "defender",
         "url": "https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01"}""")
public record PortalLink(String tenantId, String displayName, String portal, String url) {
}
