package io.tenantportal.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tenantportal.mssp.Actor;

/** One audit log row: a change ({@code action}, {@code detail}) or an access ({@code name}, {@code portal}, {@code status}). */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    static final String CHANGE = "change";
    static final String ACCESS = "access";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    long msspId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant occurredAt;

    @Column(name = "kind", nullable = false, updatable = false)
    String kind;

    @Column(name = "actor_type", nullable = false, updatable = false)
    String actorType;

    @Column(name = "actor_id", updatable = false)
    UUID actorId;

    /** The actor's name. */
    @Column(name = "actor", nullable = false, updatable = false)
    String actor;

    @Column(name = "action", updatable = false)
    String action;

    @Column(name = "tenant_id", updatable = false)
    UUID tenantId;

    @Column(name = "detail", updatable = false)
    String detail;

    /** The name asked for, when it did not resolve. */
    @Column(name = "name", updatable = false)
    String name;

    @Column(name = "portal", updatable = false)
    String portal;

    @Column(name = "status", updatable = false)
    Integer status;

    Actor actorValue() {
        return new Actor(actorType, actorId, actor);
    }
}
