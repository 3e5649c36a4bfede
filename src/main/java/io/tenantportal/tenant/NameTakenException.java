package io.tenantportal.tenant;

import java.util.List;
import java.util.Map;

import io.tenantportal.problem.ProblemException;

/** A name or domain in a write already reaches another customer of the same MSSP. */
public class NameTakenException extends ProblemException {

    public NameTakenException(List<Conflict> conflicts) {
        super(409, "name-conflict", "Name already in use",
                conflicts.size() == 1
                        ? "The name '" + conflicts.get(0).name() + "' already names another customer."
                        : conflicts.size() + " names already name other customers.",
                Map.of("conflicts", List.copyOf(conflicts)));
    }

    public record Conflict(String name, String tenantId, String displayName) {
    }
}
