package io.tenantportal.portal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tenantportal.tenant.CustomerCandidate;

/** The answer of {@code POST /resolve}: one result per item, in the order of the items. */
@Schema(name = "BulkResolveResult", example = """
        {"results": [{"status": 200, "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd",
          "url": "https://security.microsoft.com/?tid=2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01"},
         {"status": 404, "suggestions": ["Contoso Ltd"]},
         {"status": 409, "candidates": [{"displayName": "Contoso Inc", "tenantId": "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"},
                                        {"displayName": "Contoso Ltd", "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01"}]},
         {"status": 400, "detail": "name: must not be blank"}]}""")
public record BulkResolveResult(List<Item> results) {

    /** What the single call for this item would have said, in a few members. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int status, String tenantId, String displayName, String url, List<String> suggestions,
            List<CustomerCandidate> candidates, String detail, Long retryAfter) {

        static Item found(String tenantId, String displayName, String url) {
            return new Item(200, tenantId, displayName, url, null, null, null, null);
        }

        static Item notFound(List<String> suggestions) {
            return new Item(404, null, null, null, suggestions, null, null, null);
        }

        static Item ambiguous(List<CustomerCandidate> candidates) {
            return new Item(409, null, null, null, null, candidates, null, null);
        }

        static Item problem(int status, String detail, Long retryAfter) {
            return new Item(status, null, null, null, null, null, detail, retryAfter);
        }
    }
}
