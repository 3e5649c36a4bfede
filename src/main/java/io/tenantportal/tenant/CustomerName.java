package io.tenantportal.tenant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One name that reaches a customer, stored with the keys it is looked up by. */
@Entity
@Table(name = "customer_name")
public class CustomerName {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    public long msspId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public long customerId;

    @Column(name = "kind", nullable = false)
    public NameKind kind;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "name_key", nullable = false, updatable = false)
    public String nameKey;

    @Column(name = "loose_key", updatable = false)
    public String looseKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
