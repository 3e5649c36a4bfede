package io.tenantportal.integration;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An integration with its new key, the one time the key is shown (create and rotate). After a
 * rotation {@code previousKeyValidUntil} says when the old key stops working.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IssuedKey", example = """
        {"id": "5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30", "name": "ConnectWise prod", "role": "Portal.Read",
         "createdBy": "ana@northwind.example", "createdAt": "2026-11-27T10:00:00Z",
         "key": "tpk_Xq3v9JcYt0b8R2mN5wLk7HzPa4sDf6Ge1UiOy_-BcEr"}""")
public record IssuedKey(@JsonUnwrapped IntegrationView integration, String key, Instant previousKeyValidUntil) {
}
