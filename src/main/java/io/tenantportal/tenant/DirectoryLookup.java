package io.tenantportal.tenant;

import java.util.Optional;

import io.tenantportal.mssp.Mssp;

/**
 * Asked by {@link TenantResolver} when a name is unknown locally: teaches the mapping what the MSSP's
 * directory (Microsoft Graph) knows about the name, then matches again. Called outside any database
 * transaction, since it may wait for Graph.
 */
public interface DirectoryLookup {

    /**
     * The customer the directory knows by this name, now stored locally; empty when the directory does
     * not know it or the MSSP has no directory.
     *
     * @throws io.tenantportal.problem.ProblemException 503 with {@code Retry-After} when the MSSP has a
     *         directory that cannot be asked right now
     */
    Optional<CustomerView> lookUp(Mssp mssp, String name);

    /** False when {@link #lookUp} answers this MSSP at once, without the network (it has no directory). */
    boolean mayWait(Mssp mssp);

    /**
     * Brings the MSSP's local customers in step with its directory once, for many names unknown
     * locally at a time (a bulk resolve): at most one list refresh, none when one ran recently.
     * Nothing happens for an MSSP without a directory.
     *
     * @throws io.tenantportal.problem.ProblemException 503 with {@code Retry-After} when the directory
     *         cannot be asked right now
     */
    void refresh(Mssp mssp);
}
