package io.tenantportal.transfer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of POST /import/match. */
public final class Matching {

    private Matching() {
    }

    /** A company of a PSA: its system and id (the reference to add), its name and its domains or websites. */
    @Schema(name = "Company", example = """
            {"system": "halopsa", "id": "12", "name": "Contoso Ltd.", "domains": ["contoso.com"]}""")
    public record Company(String system, String id, String name,
            @Schema(description = "domains, e-mail addresses or web sites (https://www.contoso.com/ counts as contoso.com)")
            List<String> domains) {
    }

    public record Request(List<Company> companies) {
    }

    /** A customer the company may be: why, how sure (0 to 1), and whether that is certain. */
    public record Candidate(String tenantId, String displayName,
            @Schema(description = "domain, name, loose-name or similar-name") String reason, double score,
            @Schema(description = "false for similar-name: a person must look") boolean certain) {
    }

    /** The one customer the company most likely is. */
    public record Proposal(Company company, String tenantId, String displayName, String reason, double score,
            boolean certain) {

        static Proposal of(Company company, Candidate c) {
            return new Proposal(company, c.tenantId(), c.displayName(), c.reason(), c.score(), c.certain());
        }
    }

    /** A company with several equally good customers, or whose customer another company of the list matches as well. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ambiguous(Company company, List<Candidate> candidates, String detail) {
    }

    /** A company whose reference a customer already holds. */
    public record Mapped(Company company, String tenantId, String displayName) {
    }

    @Schema(name = "MatchReport", example = """
            {"proposals": [{"company": {"system": "halopsa", "id": "12", "name": "Contoso Ltd.", "domains": ["contoso.com"]},
                            "tenantId": "2f4a9c1e-8d3b-4f6a-9e2c-1b7d5a3c9e01", "displayName": "Contoso Ltd",
                            "reason": "domain", "score": 1.0, "certain": true}],
             "ambiguous": [], "unmatched": [{"system": "halopsa", "id": "13", "name": "Litware", "domains": []}],
             "mapped": []}""")
    public record Report(List<Proposal> proposals, List<Ambiguous> ambiguous, List<Company> unmatched,
            List<Mapped> mapped) {
    }
}
