package io.tenantportal.integration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantportal.audit.AuditLog;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.problem.ProblemException;

/**
 * Creates, lists, rotates and revokes one MSSP's integrations. Each write is one transaction that
 * also records the change in the audit log and bumps the change counter that every replica's
 * {@link IntegrationKeys} watches.
 */
@ApplicationScoped
public class IntegrationService {

    /** The longest grace period of a rotation: long enough for a change window, short enough to matter. */
    public static final Duration MAX_GRACE = Duration.ofDays(30);
    private static final Instant LATEST_EXPIRY = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Inject
    IntegrationRepository integrations;

    @Inject
    IntegrationKeys keys;

    @Inject
    LastUsed lastUsed;

    @Inject
    AuditLog audit;

    public IssuedKey create(Mssp mssp, @NotNull @Valid IntegrationInput body, Actor actor) {
        String name = body.name().strip();
        // Code, not a constraint: no standard one bounds an Instant by a fixed date, and this is its only use.
        if (body.expiresAt() != null && !body.expiresAt().isBefore(LATEST_EXPIRY)) {
            throw ProblemException.invalidField("expiresAt", "must be before the year 10000");
        }
        String key = ApiKey.generate();
        IntegrationView view = write(() -> {
            if (integrations.liveNameTaken(mssp.id(), name)) {
                throw nameTaken(name);
            }
            Instant now = now();
            Integration integration = new Integration();
            integration.id = UUID.randomUUID();
            integration.msspId = mssp.id();
            integration.name = name;
            integration.role = body.role();
            integration.createdBy = actor.name();
            integration.createdAt = now;
            integration.expiresAt = body.expiresAt() == null ? null : body.expiresAt().truncatedTo(ChronoUnit.MICROS);
            try {
                integrations.persistAndFlush(integration);
            } catch (PersistenceException e) {
                // Another request took the name between the check and the insert.
                throw e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException
                        ? nameTaken(name) : e;
            }
            integrations.addKey(integration.id, key, now);
            integrations.markChanged();
            audit.record(mssp.id(), actor, "integration.created", null, name + " (" + body.role() + ")");
            return IntegrationView.of(integration, null);
        });
        return new IssuedKey(view, key, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IntegrationView> list(Mssp mssp) {
        return integrations.listOf(mssp.id()).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IntegrationView> get(Mssp mssp, UUID id) {
        return integrations.findOwned(mssp.id(), id).map(this::view);
    }

    /**
     * A new key; the keys the integration had keep working for {@code grace} (none past it, even
     * when an earlier rotation gave them longer). Refused for a revoked or expired integration.
     */
    public Optional<IssuedKey> rotate(Mssp mssp, UUID id, Duration grace, Actor actor) {
        String key = ApiKey.generate();
        return write(() -> integrations.lockOwned(mssp.id(), id).filter(i -> i.revokedAt == null).map(integration -> {
            Instant now = now();
            if (integration.expiresAt != null && !now.isBefore(integration.expiresAt)) {
                throw new ProblemException(409, "integration-expired", "Conflict",
                        "This integration has expired; create a new one.");
            }
            Instant until = now.plus(grace);
            integrations.retireKeys(integration.id, until);
            integrations.addKey(integration.id, key, now);
            integrations.markChanged();
            audit.record(mssp.id(), actor, "integration.rotated", null,
                    integration.name + " (previous key valid until " + until + ")");
            return new IssuedKey(view(integration), key, until);
        }));
    }

    /** Revokes the integration: its keys fail from now on. False when the MSSP has no live integration with that id. */
    public boolean revoke(Mssp mssp, UUID id, Actor actor) {
        return write(() -> integrations.lockOwned(mssp.id(), id).filter(i -> i.revokedAt == null).map(integration -> {
            integration.revokedAt = now();
            integrations.markChanged();
            audit.record(mssp.id(), actor, "integration.revoked", null, integration.name);
            return true;
        }).orElse(false));
    }

    /**
     * Runs a write in its own transaction; once it has committed, this replica reloads its keys at
     * once if the write bumped the change counter (the others notice within seconds).
     */
    private <T> T write(Supplier<T> change) {
        T result = QuarkusTransaction.requiringNew().call(change::get);
        keys.reloadIfChanged();
        return result;
    }

    private IntegrationView view(Integration integration) {
        Instant unwritten = lastUsed.unwritten(integration.id).orElse(null);
        Instant lastUsedAt = integration.lastUsedAt == null || unwritten != null && unwritten.isAfter(integration.lastUsedAt)
                ? unwritten : integration.lastUsedAt;
        return IntegrationView.of(integration, lastUsedAt);
    }

    /** Now, as precisely as PostgreSQL keeps it, so an answer shows what a later read shows. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException nameTaken(String name) {
        return new ProblemException(409, "integration-name-taken", "Conflict",
                "An integration of this MSSP is already named '" + name + "'; revoke it or choose another name.");
    }
}
