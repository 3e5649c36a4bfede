package io.tenantportal.health;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One GDAP relationship of an MSSP, reduced to what the link verdicts need.
 *
 * @param id            Graph's relationship id, checked against {@link #ID_PATTERN}
 * @param status        Graph's status (active, expired, terminated, approvalPending, ...), as sent
 * @param endsAt        {@code endDateTime}; null when Graph sent none
 * @param autoExtends   {@code autoExtendDuration} is a positive duration (not PT0S, not absent)
 * @param grantedRoles  role template ids carried by an ACTIVE access assignment and also granted by the
 *                      relationship's own {@code accessDetails.unifiedRoles}
 */
public record DelegatedRelationship(String id, String displayName, UUID customerTenantId, String status,
        Instant endsAt, boolean autoExtends, Set<UUID> grantedRoles) {

    /** Graph's relationship ids are GUIDs, sometimes two joined by '-'; nothing else is put into a path. */
    public static final String ID_PATTERN = "[A-Za-z0-9-]{1,128}";
    public static final String STATUS_PATTERN = "[A-Za-z]{1,40}";

    public DelegatedRelationship {
        grantedRoles = Set.copyOf(grantedRoles);
    }
}
