package io.tenantportal.integration;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /integrations}. */
@Schema(name = "IntegrationInput", example = """
        {"name": "ConnectWise prod", "role": "Portal.Read", "expiresAt": "2027-06-30T00:00:00Z"}""")
public record IntegrationInput(
        @Schema(description = "1 to 100 printable characters; unique among the MSSP's live integrations (any case)")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{C}\\p{Zl}\\p{Zp}]*", message = "must be printable characters only")
        String name,
        @Schema(description = "Portal.Read or Portal.Admin", enumeration = { "Portal.Read", "Portal.Admin" })
        @NotNull @Pattern(regexp = "Portal\\.Read|Portal\\.Admin", message = "must be Portal.Read or Portal.Admin")
        String role,
        @Schema(description = "When the key stops working; null: never (until revoked)")
        @Future
        Instant expiresAt) {
}
