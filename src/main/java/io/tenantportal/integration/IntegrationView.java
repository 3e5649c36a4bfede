package io.tenantportal.integration;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An integration as the API shows it: never its key nor the key's hash. */
@Schema(name = "Integration", example = """
        {"id": "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30", "name": "ConnectWise prod", "role": "Portal.Read",
         "createdBy": "ana@northwind.example", "createdAt": "2026-11-27T10:00:00Z", "expiresAt": null,
         "lastUsedAt": "2026-11-28T08:15:00Z", "revokedAt": null}""")
public record IntegrationView(UUID id, String name, String role, String createdBy, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    static IntegrationView of(Integration i, Instant lastUsedAt) {
        return new IntegrationView(i.id, i.name, i.role, i.createdBy, i.createdAt, i.expiresAt, lastUsedAt, i.revokedAt);
    }
}
