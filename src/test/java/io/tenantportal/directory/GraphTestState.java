package io.tenantportal.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Test-only: forgets what the application remembers about Graph, so each test starts from nothing. */
@ApplicationScoped
public class GraphTestState {

    @Inject
    GraphTokenClients tokens;

    @Inject
    GraphClient client;

    @Inject
    GraphLookup lookup;

    @Inject
    DirectorySync sync;

    public void forget() {
        tokens.forget();
        client.forget();
        lookup.forget();
        sync.forget();
    }
}
