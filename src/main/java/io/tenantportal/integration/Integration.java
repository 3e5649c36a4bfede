package io.tenantportal.integration;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named integration of one MSSP with one role. Never removed: revoking sets {@link #revokedAt}. */
@Entity
@Table(name = "integration")
class Integration {

    @Id
    UUID id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    long msspId;

    @Column(name = "name", nullable = false, updatable = false)
    String name;

    @Column(name = "role", nullable = false, updatable = false)
    String role;

    @Column(name = "created_by", nullable = false, updatable = false)
    String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    Instant expiresAt;

    /** Written in batches by {@link LastUsed}, never through this entity. */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    Instant lastUsedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;
}
