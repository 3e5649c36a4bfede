package io.tenantportal.tenant;

import java.util.List;
import java.util.Map;

import io.tenantportal.problem.ProblemException;

/** The name matches several customers; the service never guesses between them. */
public class AmbiguousNameException extends ProblemException {

    public AmbiguousNameException(List<CustomerCandidate> candidates) {
        super(409, "ambiguous-name", "Ambiguous name",
                "The name matches " + candidates.size() + " customers; use one of their tenant ids.",
                Map.of("candidates", List.copyOf(candidates)));
        this.candidates = List.copyOf(candidates);
    }

    private final transient List<CustomerCandidate> candidates;

    public List<CustomerCandidate> candidates() {
        return candidates;
    }
}
