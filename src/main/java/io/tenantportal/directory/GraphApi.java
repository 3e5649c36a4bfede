package io.tenantportal.directory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.rest.client.reactive.Url;

/**
 * The Microsoft Graph calls the directory makes, as a MicroProfile REST client. Only {@link GraphClient}
 * uses it: it answers {@link Response} so that the wrapper sees every status and {@code Retry-After}
 * (the default exception mapper is off), and the wrapper turns them into the directory's exceptions.
 */
@Produces(MediaType.APPLICATION_JSON)
interface GraphApi {

    @GET
    @Path("/v1.0/tenantRelationships/delegatedAdminCustomers")
    Response delegatedAdminCustomers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery("$top") int top);

    @GET
    @Path("/v1.0/contracts")
    Response contracts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestQuery("$top") int top);

    /** A next page exactly as Graph's {@code @odata.nextLink} names it; the caller checked it is on Graph. */
    @GET
    Response nextPage(@Url String nextLink, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code literal}: an OData string literal ({@link ODataLiteral}) of a validated domain. */
    @GET
    @Path("/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName={literal})")
    Response findTenantInformationByDomainName(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("literal") String literal);

    /** The domains of the tenant the token is for; {@code select}: the properties wanted. */
    @GET
    @Path("/v1.0/domains")
    Response domains(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestQuery("$select") String select);

    @GET
    @Path("/v1.0/tenantRelationships/delegatedAdminRelationships")
    Response delegatedAdminRelationships(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery("$top") int top);

    /** {@code relationshipId}: a relationship id from Graph that matched {@code DelegatedRelationship.ID_PATTERN}. */
    @GET
    @Path("/v1.0/tenantRelationships/delegatedAdminRelationships/{relationshipId}/accessAssignments")
    Response accessAssignments(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("relationshipId") String relationshipId, @RestQuery("$top") int top);
}
