package io.tenantportal.tenant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One PSA reference of a customer; the unique index on live rows keeps it to one customer per MSSP. */
@Entity
@Table(name = "customer_ref")
public class CustomerRef {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    public long msspId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    public long customerId;

    @Column(name = "system", nullable = false, updatable = false)
    public String system;

    @Column(name = "ref_id", nullable = false, updatable = false)
    public String refId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    PsaRef ref() {
        return new PsaRef(system, refId);
    }
}
