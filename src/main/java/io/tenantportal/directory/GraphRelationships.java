package io.tenantportal.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.tenantportal.health.DelegatedRelationship;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.tenant.TenantId;

/**
 * Reads an MSSP's GDAP relationships ({@code delegatedAdminRelationships}, paged) and, for each active
 * one, its access assignments (paged), through {@link GraphClient} and so with its retries, Retry-After
 * handling and per-MSSP circuit. Assignments of different relationships are read a few at a time.
 * An entry Graph sends malformed (id, customer tenant id) is left out rather than trusted.
 */
@ApplicationScoped
class GraphRelationships {

    private static final Logger LOG = Logger.getLogger(GraphRelationships.class);
    /** Assignment lists read at the same time; Graph's GDAP APIs throttle per partner tenant. */
    static final int PARALLEL = 8;
    private static final Set<String> READ_ASSIGNMENTS_OF = Set.of("active", "expiring");
    private static final int MAX_NAME = 256;

    @Inject
    GraphClient client;

    @Inject
    GraphConfig config;

    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, task -> {
        Thread thread = new Thread(task, "gdap-assignments");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** A relationship as listed, before its assignments are known. */
    private record Listed(String id, String displayName, UUID customer, String status, Instant endsAt,
            boolean autoExtends, Set<UUID> roles) {
    }

    List<DelegatedRelationship> read(Mssp mssp) {
        int top = top();
        List<Listed> listed = new ArrayList<>();
        int[] invalid = { 0 };
        readPages(mssp, GraphClient.RELATIONSHIPS, client.relationships(mssp, top), "relationships", item -> {
            Optional<Listed> relationship = relationship(item);
            relationship.ifPresentOrElse(listed::add, () -> invalid[0]++);
        });
        if (invalid[0] > 0) {
            LOG.warnf("MSSP '%s': %d GDAP relationships without a usable id or customer tenant id left out",
                    mssp.key(), invalid[0]);
        }
        List<CompletableFuture<DelegatedRelationship>> reads = new ArrayList<>(listed.size());
        for (Listed r : listed) {
            if (!READ_ASSIGNMENTS_OF.contains(r.status().toLowerCase(Locale.ROOT))) {
                reads.add(CompletableFuture.completedFuture(relationship(r, Set.of())));
                continue;
            }
            reads.add(CompletableFuture.supplyAsync(() -> relationship(r, granted(mssp, r, top)), pool));
        }
        List<DelegatedRelationship> relationships = new ArrayList<>(listed.size());
        try {
            for (CompletableFuture<DelegatedRelationship> read : reads) {
                relationships.add(read.join());
            }
        } catch (CompletionException e) {
            reads.forEach(read -> read.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return relationships;
    }

    /** The relationship's roles that an ACTIVE assignment carries; pending, deleting, deleted and error ones give nothing. */
    private Set<UUID> granted(Mssp mssp, Listed r, int top) {
        Set<UUID> granted = new HashSet<>();
        Optional<JsonNode> first = client.accessAssignments(mssp, r.id(), top);
        if (first.isEmpty()) {
            return Set.of(); // the relationship went away between the two reads
        }
        readPages(mssp, GraphClient.ASSIGNMENTS, first, "access assignments", item -> {
            if ("active".equalsIgnoreCase(item.path("status").asText(""))) {
                roles(item).stream().filter(r.roles()::contains).forEach(granted::add);
            }
        });
        return granted;
    }

    private void readPages(Mssp mssp, String operation, Optional<JsonNode> first, String what, Consumer<JsonNode> items) {
        Optional<JsonNode> answer = first;
        while (true) {
            JsonNode body = answer.orElseThrow(() -> new DirectoryUnavailableException(
                    "Graph answered 404 for the " + what + " list", config.breaker().openFor()));
            body.path("value").forEach(items);
            Optional<String> next = client.nextLink(body, operation);
            if (next.isEmpty()) {
                return;
            }
            answer = client.nextPage(mssp, operation, next.get());
        }
    }

    private int top() {
        return Math.max(1, Math.min(config.pageSize(), GraphDirectory.MAX_PAGE_SIZE));
    }

    static Optional<Listed> relationship(JsonNode item) {
        String id = item.path("id").asText("");
        Optional<UUID> customer = TenantId.parse(item.path("customer").path("tenantId").asText(null));
        if (!id.matches(DelegatedRelationship.ID_PATTERN) || customer.isEmpty()) {
            return Optional.empty();
        }
        String status = item.path("status").asText("");
        if (!status.matches(DelegatedRelationship.STATUS_PATTERN)) {
            status = "unknownFutureValue";
        }
        String name = item.path("displayName").asText("").strip();
        if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
            name = id;
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return Optional.of(new Listed(id, name, customer.get(), status, instant(item.path("endDateTime").asText(null)),
                autoExtends(item.path("autoExtendDuration").asText(null)), roles(item)));
    }

    private static DelegatedRelationship relationship(Listed r, Set<UUID> granted) {
        return new DelegatedRelationship(r.id(), r.displayName(), r.customer(), r.status(), r.endsAt(),
                r.autoExtends(), granted);
    }

    private static Set<UUID> roles(JsonNode item) {
        Set<UUID> roles = new HashSet<>();
        for (JsonNode role : item.path("accessDetails").path("unifiedRoles")) {
            TenantId.parse(role.path("roleDefinitionId").asText(null)).ifPresent(roles::add);
        }
        return roles;
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** PT0S, absent or unreadable: the relationship does not extend itself, so it may expire. */
    static boolean autoExtends(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            Duration duration = Duration.parse(text.strip());
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
