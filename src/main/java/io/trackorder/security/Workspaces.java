package io.trackorder.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.trackorder.database.RunsToCompletion;

/**
 * Numbers workspaces: each workspace named in a token gets a stable integer {@code TenantId} the
 * first time it is seen. A number never changes once given, so it is remembered in memory and
 * the database is asked only once per workspace and process.
 */
@ApplicationScoped
@RunsToCompletion
public class Workspaces {

    /** Plenty for the workspaces one replica serves; past it, lookups go to the database again. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Integer> tenantIds = new ConcurrentHashMap<>();

    public Uni<Integer> tenantIdOf(String workspace) {
        Integer known = tenantIds.get(workspace);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Panache.withTransaction(() -> numbered(workspace)).invoke(tenantId -> {
            if (tenantIds.size() < MAX_REMEMBERED) {
                tenantIds.put(workspace, tenantId);
            }
        });
    }

    /**
     * One statement that returns the existing number or assigns a new one. When another request
     * inserts the same workspace at the same moment, the insert waits for it and then returns
     * nothing, and the statement's snapshot cannot see the other row yet: the second statement does.
     */
    private static Uni<Integer> numbered(String workspace) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                WITH added AS (
                    INSERT INTO workspaces (workspace) VALUES (?1)
                    ON CONFLICT (workspace) DO NOTHING
                    RETURNING tenant_id)
                SELECT tenant_id FROM added
                UNION ALL
                SELECT tenant_id FROM workspaces WHERE workspace = ?1""", Integer.class)
                .setParameter(1, workspace)
                .getResultList()
                .chain(found -> found.isEmpty()
                        ? session.createNativeQuery("SELECT tenant_id FROM workspaces WHERE workspace = ?1", Integer.class)
                                .setParameter(1, workspace).getSingleResult()
                        : Uni.createFrom().item(found.get(0))));
    }
}
