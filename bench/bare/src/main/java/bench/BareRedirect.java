package bench;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The same request shape and answer as tenant-portal's redirect, with nothing behind it. */
@Path("/tenants/{name}/portal")
public class BareRedirect {

    private static final URI PORTAL = URI.create("https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01");

    @GET
    public Response portal(@PathParam("name") String name) {
        return Response.status(Response.Status.FOUND).location(PORTAL).header("Cache-Control", "no-store").build();
    }
}
