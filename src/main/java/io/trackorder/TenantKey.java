package io.trackorder;

import java.io.Serializable;

/** Primary key of an organization-owned row: the tenant first, then the row's own id. */
public record TenantKey(String organizationId, String id) implements Serializable {
}
