package io.tenantportal.web;

import java.util.Locale;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one rule that tells a person's browser from an API caller: a request with an Authorization
 * header is an API call (bearer only); one without it whose Accept lists text/html is a browser
 * navigation and may be sent to sign in; anything else without credentials gets 401 problem+json.
 */
public final class BrowserRequest {

    private BrowserRequest() {
    }

    public static boolean carriesCredentials(HttpServerRequest request) {
        // X-API-Key: an integration key (io.tenantportal.integration), never a browser.
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("X-API-Key") != null;
    }

    public static boolean isNavigation(HttpServerRequest request) {
        return !carriesCredentials(request) && acceptsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** True when a media range of the Accept header is text/html with a non-zero quality. */
    static boolean acceptsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().toLowerCase(Locale.ROOT).equals("text/html") && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
