package io.tenantportal.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tenantportal.audit.AccessLog;
import io.tenantportal.audit.AccessRecord;
import io.tenantportal.limits.MissLimiter;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.problem.ProblemException;
import io.tenantportal.tenant.AmbiguousNameException;
import io.tenantportal.tenant.CustomerView;
import io.tenantportal.tenant.DirectoryLookup;
import io.tenantportal.tenant.NameKey;
import io.tenantportal.tenant.PsaRef;
import io.tenantportal.tenant.TenantResolver;

/**
 * Resolves a PSA's whole company list in one call: every item from memory first; the names memory
 * does not know share one refresh of the MSSP's directory (never one Graph call per name), then are
 * looked up again. Each item gets what its single call would have said, and one access-log entry.
 */
@ApplicationScoped
public class BulkResolver {

    @Inject
    TenantResolver resolver;

    @Inject
    DirectoryLookup directory;

    @Inject
    PortalAnswers answers;

    @Inject
    AccessLog access;

    @Inject
    PortalCatalog catalog;

    @Inject
    MissLimiter limiter;

    /** One item on its way: what it asked, and the customer or the outcome once known. */
    private static final class Pending {
        final String asked;
        CustomerView customer;
        BulkResolveResult.Item outcome;
        String missedName;

        Pending(String asked) {
            this.asked = asked;
        }
    }

    public BulkResolveResult resolve(Mssp mssp, Actor actor, BulkResolveRequest request) {
        PortalRequest portal = request.portal() == null ? PortalRequest.DEFAULT
                : new PortalRequest(PortalRequest.portalNamed(request.portal(), catalog), Optional.empty());
        List<Pending> items = new ArrayList<>(request.items().size());
        boolean anyMiss = false;
        for (BulkResolveRequest.Item item : request.items()) {
            Pending pending = fromMemory(mssp, item);
            anyMiss |= pending.missedName != null;
            items.add(pending);
        }
        ProblemException unavailable = null;
        if (anyMiss) {
            // One call is one miss however many of its names are unknown: they share one refresh too.
            limiter.requireAvailable(mssp, actor);
            try {
                directory.refresh(mssp);
            } catch (ProblemException e) {
                unavailable = e;
            }
        }
        List<BulkResolveResult.Item> results = new ArrayList<>(items.size());
        boolean anyUnresolved = false;
        for (Pending pending : items) {
            if (pending.missedName != null) {
                afterRefresh(mssp, pending, unavailable);
            }
            if (pending.customer != null) {
                pending.outcome = linked(pending.customer, portal);
            }
            results.add(pending.outcome);
            anyUnresolved |= pending.customer == null && pending.missedName != null;
            UUID tenantId = pending.customer == null ? null : UUID.fromString(pending.customer.tenantId());
            access.record(mssp, actor, new AccessRecord(tenantId, pending.asked, portal.portal().wire(),
                    pending.outcome.status()));
        }
        if (anyUnresolved) {
            limiter.count(mssp, actor);
        }
        return new BulkResolveResult(results);
    }

    // Items are checked here, not by constraints on the body: a bad item is that item's 400, not the call's.
    private Pending fromMemory(Mssp mssp, BulkResolveRequest.Item item) {
        if (item == null || (item.name() == null) == (item.ref() == null)) {
            Pending invalid = new Pending(item == null ? null : item.name());
            invalid.outcome = BulkResolveResult.Item.problem(400, "Give either a name or a ref.", null);
            return invalid;
        }
        Pending pending = new Pending(item.name() != null ? item.name() : item.ref().system() + ":" + item.ref().id());
        try {
            if (item.ref() != null) {
                PsaRef ref = PsaRef.of(item.ref().system(), item.ref().id(), "ref");
                pending.customer = resolver.findByRef(mssp, ref).orElse(null);
                if (pending.customer == null) {
                    pending.outcome = BulkResolveResult.Item.problem(404, "No customer of this MSSP carries that "
                            + "reference.", null);
                }
                return pending;
            }
            NameKey.requireValid(item.name(), "name");
            pending.customer = resolver.findLocally(mssp, item.name()).orElse(null);
            if (pending.customer == null) {
                pending.missedName = item.name();
            }
        } catch (AmbiguousNameException e) {
            pending.outcome = BulkResolveResult.Item.ambiguous(e.candidates());
        } catch (ProblemException e) {
            pending.outcome = BulkResolveResult.Item.problem(e.status(), e.detail(), null);
        }
        return pending;
    }

    private void afterRefresh(Mssp mssp, Pending pending, ProblemException unavailable) {
        try {
            pending.customer = resolver.findLocally(mssp, pending.missedName).orElse(null);
        } catch (AmbiguousNameException e) {
            pending.outcome = BulkResolveResult.Item.ambiguous(e.candidates());
            return;
        }
        if (pending.customer != null) {
            return;
        }
        if (unavailable != null) {
            Object retryAfter = unavailable.extensions().get("retryAfter");
            pending.outcome = BulkResolveResult.Item.problem(unavailable.status(), unavailable.detail(),
                    retryAfter instanceof Number seconds ? seconds.longValue() : null);
            return;
        }
        pending.outcome = BulkResolveResult.Item.notFound(resolver.suggestionsFor(mssp, pending.missedName));
    }

    private BulkResolveResult.Item linked(CustomerView customer, PortalRequest portal) {
        try {
            return BulkResolveResult.Item.found(customer.tenantId(), customer.displayName(),
                    answers.url(customer, portal));
        } catch (ProblemException e) {
            // e.g. exchange for a customer without an initial domain: the customer is known, the link is not
            return new BulkResolveResult.Item(e.status(), customer.tenantId(), customer.displayName(), null, null, null,
                    e.detail(), null);
        }
    }
}
