package io.trackorder.security;

/**
 * The caller of a Releases API request, from their token: the tenant number of their workspace,
 * their user id, and whether they administer the workspace.
 */
public record WorkspaceMember(int tenantId, String userId, boolean admin) {
}
