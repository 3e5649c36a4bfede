package io.tenantportal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tenantportal.mssp.CallerMssp;
import io.tenantportal.mssp.Roles;
import io.tenantportal.portal.Portal;
import io.tenantportal.portal.PortalCatalog;
import io.tenantportal.web.PageTemplate.Html;

/**
 * The analyst page: a server-rendered shell (who is signed in, the portal catalogue, and for admins
 * the import and export section) whose script searches and pages through the JSON API of /tenants. Customer data only ever reaches the page as
 * JSON and is written with textContent, so a customer name cannot inject markup.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AnalystPage {

    /** Scripts and styles only from this origin, no inline code, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final PageTemplate INDEX = PageTemplate.load("index.html");
    private static final PageTemplate SIGNED_OUT = PageTemplate.load("signed-out.html");
    /** The import and export section, shown to admins only (the calls behind it need Portal.Admin). */
    static final Html TRANSFER = new Html(PageTemplate.load("transfer.html").render(Map.of()));

    /**
     * One button per portal of the catalogue. The page script copies these into each customer's row
     * with the customer's own link, /tenants/{tenantId}/portal?portal=...: the server builds every
     * portal URL, the page never does.
     */
    record PortalButton(String portal, String label, List<String> needs) {

        static List<PortalButton> catalogue(List<Portal> portals) {
            return portals.stream().map(p -> new PortalButton(p.wire(), p.label(), p.needs())).toList();
        }

        static Html markup(List<PortalButton> buttons) {
            return new Html(buttons.stream().map(PortalButton::markup).collect(Collectors.joining("\n")));
        }

        String markup() {
            // data-needs: the customer fields the link needs (the page shows the portal unavailable without them)
            return "<a class=\"portal\" data-portal=\"" + Html.text(portal).markup() + "\""
                    + (needs.isEmpty() ? "" : " data-needs=\"" + Html.text(String.join(" ", needs)).markup() + "\"")
                    + ">" + Html.text(label).markup() + "</a>";
        }
    }

    @Inject
    CallerMssp caller;

    @Inject
    PortalCatalog catalog;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.READ, Roles.ADMIN })
    @Operation(hidden = true)
    public Response page() {
        String msspName = caller.get().displayName();
        return html(INDEX.render(Map.of(
                "msspName", Html.text(msspName),
                "user", Html.text(caller.actor().name()),
                "portals", PortalButton.markup(PortalButton.catalogue(catalog.all())),
                "transfer", identity.hasRole(Roles.ADMIN) ? TRANSFER : new Html(""))));
    }

    @GET
    @Path("signed-out")
    @PermitAll
    @Operation(hidden = true)
    public Response signedOut() {
        return html(SIGNED_OUT.render(Map.of()));
    }

    /**
     * With a browser session, quarkus-oidc answers this path itself (quarkus.oidc.web.logout.path):
     * it drops the session cookie and sends the browser to the identity provider's sign-out. Looking
     * at the identity is what starts that; whoever gets past it has no session here.
     */
    @GET
    @Path("logout")
    @PermitAll
    @Operation(hidden = true)
    public Uni<Response> logout() {
        return identities.getDeferredIdentity()
                .map(identity -> Response.seeOther(URI.create("/signed-out")).header("Cache-Control", "no-store").build());
    }

    private static Response html(String page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .build();
    }
}
