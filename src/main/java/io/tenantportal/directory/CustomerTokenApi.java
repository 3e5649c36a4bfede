package io.tenantportal.directory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Entra ID's token endpoint of a customer's tenant, for a client-credentials token of the MSSP's app there. */
@Produces(MediaType.APPLICATION_JSON)
interface CustomerTokenApi {

    @POST
    @Path("/{tenantId}/oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(@PathParam("tenantId") String tenantId, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("scope") String scope);
}
