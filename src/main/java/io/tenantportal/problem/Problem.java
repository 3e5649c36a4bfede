package io.tenantportal.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; members in the order RFC 9457 lists them, extensions after. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    public static final String TYPE_PREFIX = "urn:tenant-portal:problem:";

    private Problem() {
    }

    public static Map<String, Object> body(int status, String type, String title, String detail,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }

    public static Response.ResponseBuilder response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, Map.of());
    }

    public static Response.ResponseBuilder response(int status, String type, String title, String detail,
            Map<String, Object> extensions) {
        return Response.status(status)
                .type(MEDIA)
                .header("Cache-Control", "no-store")
                .entity(body(status, type, title, detail, extensions));
    }
}
