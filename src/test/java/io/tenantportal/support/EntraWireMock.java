package io.tenantportal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock playing Entra ID as a multi-tenant app sees it, for every test: the "organizations"
 * authority, whose discovery document names the issuer {@code <root>/{tenantid}/v2.0} (a template,
 * not an issuer), tenant-specific authorities {@code <root>/<tenant id>/v2.0} with their own issuer,
 * and one key set that signs the tokens of every tenant. Tokens themselves carry
 * {@code iss = <root>/<tid>/v2.0}; see {@link TestTokens}.
 * <p>
 * Unlike Entra, the discovery documents also name an introspection endpoint, so that a test can
 * prove the service never calls it. The sign-in page and the redirect back with a code stand in
 * for Entra's; what the token endpoint answers to the code exchange is up to each test
 * ({@link SignInTest}).
 */
public class EntraWireMock implements QuarkusTestResourceLifecycleManager {

    /** The config property that carries the authority root (scheme, host and port) to application.properties. */
    public static final String ROOT_PROPERTY = "test.identity-provider";
    public static final String ORGANIZATIONS = "organizations";
    public static final String INTROSPECTION = "/oauth2/v2.0/introspect";
    public static final String KEYS = "/discovery/v2.0/keys";
    private static final String ANY_TENANT = "/[^/]+";
    /** Below the default priority (5), so a test's own stubs win. */
    private static final int DEFAULTS = 10;

    /** The key every token is signed with unless a test asks for another. */
    static final RsaJsonWebKey SIGNING_KEY = newKey("entra-test-key-1");

    private static WireMockServer server;
    private static final List<JsonWebKey> published = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        reset();
        return Map.of(ROOT_PROPERTY, server.baseUrl(),
                // smallrye-jwt-build signs TestTokens' tokens with this key (and its kid) when no key is given.
                "smallrye.jwt.sign.key", SIGNING_KEY.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** The authority root, as {@code https://login.microsoftonline.com} is Entra's. */
    public static String root() {
        if (server == null) {
            throw new IllegalStateException("the fake Entra ID runs only while a @QuarkusTest application runs");
        }
        return server.baseUrl();
    }

    /** The issuer of tokens that Entra issues in tenant {@code tid} (v2.0 tokens). */
    public static String issuer(String tid) {
        return root() + "/" + tid + "/v2.0";
    }

    /** Where the browser signs in when the service uses the authority of {@code tenant} ("organizations" or an id). */
    public static String authorizationEndpoint(String tenant) {
        return root() + "/" + tenant + "/oauth2/v2.0/authorize";
    }

    public static String tokenEndpointPath(String tenant) {
        return "/" + tenant + "/oauth2/v2.0/token";
    }

    public static String endSessionEndpoint(String tenant) {
        return root() + "/" + tenant + "/oauth2/v2.0/logout";
    }

    /** Forgets every stub and request, then serves the discovery documents, the one key set and the sign-in pages. */
    public static void reset() {
        server.resetAll();
        published.clear();
        published.add(SIGNING_KEY);
        stubKeys();
        String root = server.baseUrl();
        server.stubFor(get(urlPathEqualTo("/" + ORGANIZATIONS + "/v2.0/.well-known/openid-configuration"))
                .atPriority(DEFAULTS)
                .willReturn(okJson(discovery(root, ORGANIZATIONS, root + "/{tenantid}/v2.0"))));
        // A tenant-specific authority: the same endpoints under the tenant id, and a real issuer.
        server.stubFor(get(urlPathMatching(ANY_TENANT + "/v2.0/.well-known/openid-configuration"))
                .atPriority(DEFAULTS + 1)
                .willReturn(okJson(discovery(root, "{{request.pathSegments.[0]}}",
                        root + "/{{request.pathSegments.[0]}}/v2.0")).withTransformers("response-template")));
        server.stubFor(get(urlPathMatching(ANY_TENANT + "/oauth2/v2.0/authorize")).atPriority(DEFAULTS)
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("""
                        <html><body><form action="/login">
                          <input type="text" id="username" name="username"/>
                          <input type="password" id="password" name="password"/>
                          <input type="hidden" name="state" value="{{request.query.state}}"/>
                          <input type="hidden" name="redirect_uri" value="{{request.query.redirect_uri}}"/>
                          <input type="submit" id="login" value="Sign in"/>
                        </form></body></html>""").withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/login")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?code=code-from-entra&state={{request.query.state}}")
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathMatching(ANY_TENANT + "/oauth2/v2.0/logout")).atPriority(DEFAULTS)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                        .withTransformers("response-template")));
    }

    /** Publishes another signing key next to the usual one, as Entra does before it rotates keys. */
    public static void publish(JsonWebKey key) {
        published.add(key);
        stubKeys();
    }

    /** A fresh RSA key pair with the given key id. */
    public static RsaJsonWebKey newKey(String keyId) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(keyId);
            key.setAlgorithm("RS256");
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stubKeys() {
        String keys = published.stream().map(k -> k.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                .collect(Collectors.joining(","));
        server.stubFor(get(urlPathMatching(ANY_TENANT + KEYS)).atPriority(DEFAULTS)
                .willReturn(okJson("{\"keys\":[" + keys + "]}")));
    }

    private static String discovery(String root, String tenant, String issuer) {
        String base = root + "/" + tenant;
        return """
                {"issuer": "%s",
                 "authorization_endpoint": "%s/oauth2/v2.0/authorize",
                 "token_endpoint": "%s/oauth2/v2.0/token",
                 "end_session_endpoint": "%s/oauth2/v2.0/logout",
                 "jwks_uri": "%s%s",
                 "introspection_endpoint": "%s%s",
                 "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                 "subject_types_supported": ["pairwise"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "scopes_supported": ["openid", "profile", "email", "offline_access"],
                 "claims_supported": ["sub", "iss", "aud", "exp", "iat", "tid", "preferred_username", "nonce"]}"""
                .formatted(issuer, base, base, base, base, KEYS, base, INTROSPECTION);
    }
}
