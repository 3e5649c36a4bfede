package io.tenantportal.tenant;

import java.util.List;
import java.util.Map;

import io.tenantportal.problem.ProblemException;

/** No customer of the caller's MSSP matches; suggestions name similar customers of that MSSP only. */
public class CustomerNotFoundException extends ProblemException {

    public CustomerNotFoundException(List<String> suggestions) {
        super(404, "customer-not-found", "Customer not found",
                "No customer of this MSSP matches the name.", Map.of("suggestions", List.copyOf(suggestions)));
    }
}
