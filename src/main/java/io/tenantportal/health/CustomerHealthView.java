package io.tenantportal.health;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.tenantportal.tenant.CustomerView;

/** A customer as the API shows it, plus {@code health}: its link health per portal. */
public record CustomerHealthView(@JsonUnwrapped CustomerView customer, Map<String, LinkHealth> health) {
}
