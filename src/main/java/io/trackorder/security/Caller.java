package io.trackorder.security;

/** Who is calling the Collections API: one user inside one organization. */
public record Caller(String organizationId, String userId) {
}
