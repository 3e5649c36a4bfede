package io.tenantportal.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    long msspId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false)
    String actor;

    @Column(name = "action", nullable = false, updatable = false)
    String action;

    @Column(name = "tenant_id", updatable = false)
    UUID tenantId;

    @Column(name = "detail", updatable = false)
    String detail;
}
