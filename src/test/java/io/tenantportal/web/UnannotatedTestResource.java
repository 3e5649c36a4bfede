package io.tenantportal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only: an endpoint someone forgot to annotate with a role. It must be closed, not open.
 */
@Path("/test-only/unannotated")
public class UnannotatedTestResource {

    @GET
    public String open() {
        return "this should never be served";
    }
}
