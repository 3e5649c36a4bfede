package io.tenantportal.mssp;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who did something, as the audit log shows it: a person or app signed in with Entra ID
 * ({@code user}), an integration key ({@code integration}, with its id), or the service itself
 * ({@code system}, e.g. the directory sync).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Who did it", example = "{\"type\": \"integration\", \"id\": \"5b0e7c9a-3f1d-4e8b-9a6c-2d4f8e1b7a30\", "
        + "\"name\": \"ConnectWise prod\"}")
public record Actor(String type, UUID id, String name) {

    public static final String USER = "user";
    public static final String INTEGRATION = "integration";
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
    }

    public static Actor user(String name) {
        return new Actor(USER, null, name);
    }

    public static Actor integration(UUID id, String name) {
        return new Actor(INTEGRATION, Objects.requireNonNull(id), name);
    }

    public static Actor system(String name) {
        return new Actor(SYSTEM, null, name);
    }

    @JsonIgnore
    public boolean isIntegration() {
        return INTEGRATION.equals(type);
    }
}
