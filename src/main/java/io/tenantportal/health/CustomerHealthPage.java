package io.tenantportal.health;

import java.util.List;

/** One page of customers with their link health; {@code page} counts from 0. */
public record CustomerHealthPage(List<CustomerHealthView> items, int page, int size, long total) {
}
