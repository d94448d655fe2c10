package io.trackorder.apikeys;

/** Who is calling the Collections API: one user inside one organization. */
public record Caller(String organizationId, String userId) {
}
