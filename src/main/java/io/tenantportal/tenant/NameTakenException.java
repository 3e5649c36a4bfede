package io.tenantportal.tenant;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tenantportal.problem.ProblemException;

/**
 * A name, domain or PSA reference in a write already belongs to another customer of the same MSSP.
 * Each conflict carries either the {@code name} or the {@code ref} that is taken, and its owner.
 */
public class NameTakenException extends ProblemException {

    public NameTakenException(List<Conflict> conflicts) {
        super(409, "name-conflict", "Name already in use", detail(conflicts), Map.of("conflicts", List.copyOf(conflicts)));
    }

    private static String detail(List<Conflict> conflicts) {
        if (conflicts.size() > 1) {
            boolean refs = conflicts.stream().allMatch(c -> c.ref() != null);
            boolean names = conflicts.stream().allMatch(c -> c.ref() == null);
            return conflicts.size() + (names ? " names already name" : refs ? " references already belong to"
                    : " names and references already belong to") + " other customers.";
        }
        Conflict only = conflicts.get(0);
        return only.ref() == null ? "The name '" + only.name() + "' already names another customer."
                : "The reference " + only.ref() + " already belongs to another customer.";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(String name, PsaRef ref, String tenantId, String displayName) {

        public static Conflict ofName(String name, String tenantId, String displayName) {
            return new Conflict(name, null, tenantId, displayName);
        }

        public static Conflict ofRef(PsaRef ref, String tenantId, String displayName) {
            return new Conflict(null, ref, tenantId, displayName);
        }
    }
}
