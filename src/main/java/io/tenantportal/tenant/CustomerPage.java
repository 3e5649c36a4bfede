package io.tenantportal.tenant;

import java.util.List;

/** One page of customers; {@code page} counts from 0. */
public record CustomerPage(List<CustomerView> items, int page, int size, long total) {
}
