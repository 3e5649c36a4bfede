package io.tenantportal.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer tenant of one MSSP. Never removed: deleting sets {@link #deletedAt}. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mssp_id", nullable = false, updatable = false)
    public long msspId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "default_domain")
    public String defaultDomain;

    @Column(name = "initial_domain")
    public String initialDomain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "domains", nullable = false)
    public String[] domains = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "aliases", nullable = false)
    public String[] aliases = new String[0];

    /** PSA references as {@code system:id}; {@link CustomerRef} rows make them unique. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "refs", nullable = false)
    public String[] refs = new String[0];

    @Column(name = "source", nullable = false)
    public CustomerSource source;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Set when a directory sync no longer lists this Graph customer; it keeps resolving. */
    @Column(name = "gone_from_directory_at")
    public Instant goneFromDirectoryAt;

    /** The SharePoint tenant name when it is not the initial domain's first label; see {@link SharepointName}. */
    @Column(name = "sharepoint_name")
    public String sharepointName;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
