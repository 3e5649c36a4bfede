package io.tenantportal.integration;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One key of an integration, as its hash only; a rotated-out key retires at the end of its grace period. */
@Entity
@Table(name = "integration_key")
class StoredKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "integration_id", nullable = false, updatable = false)
    UUID integrationId;

    @Column(name = "key_hash", nullable = false, updatable = false)
    byte[] keyHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "retires_at")
    Instant retiresAt;
}
