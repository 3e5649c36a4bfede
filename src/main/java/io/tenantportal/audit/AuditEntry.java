package io.tenantportal.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tenantportal.mssp.Actor;

/**
 * An audit entry as GET /audit shows it. An access has {@code portal} and {@code status}, and
 * {@code tenantId} when the name resolved, else the {@code name} asked for; a change has
 * {@code action}, {@code tenantId} when it concerns a customer, and {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, String kind, Actor actor, String tenantId, String name, String portal,
        Integer status, String action, String detail) {

    static AuditEntry of(AuditEvent e) {
        return new AuditEntry(e.occurredAt, e.kind, e.actorValue(), e.tenantId == null ? null : e.tenantId.toString(),
                e.name, e.portal, e.status, e.action, e.detail);
    }
}
