package io.trackorder.releases;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.ordering.OrderedList;
import io.trackorder.security.WorkspaceMember;

/**
 * Releases as a workspace member sees them: an admin sees every release of the
 * workspace, anyone else only their own. No query here returns anything outside that view.
 */
@ApplicationScoped
public class ReleaseRepository implements PanacheRepositoryBase<Release, Release.Key> {

    public Uni<Release> findVisible(WorkspaceMember member, UUID id) {
        return find(visible(member) + " and id = :id", visibleTo(member).and("id", id)).firstResult();
    }

    /**
     * Loads a release and locks its row for the rest of the transaction, in one query; every
     * writer of a release's track list goes through here first, which serializes them.
     */
    public Uni<Release> findVisibleForUpdate(WorkspaceMember member, UUID id) {
        return lockVisible(visible(member) + " and id = :id", member, id);
    }

    /**
     * {@link #findVisibleForUpdate} for a reorder: the same query also turns nested loops off for
     * the rest of the transaction ({@link OrderedList#HASH_JOINS_ONLY}).
     */
    public Uni<Release> findVisibleForReorder(WorkspaceMember member, UUID id) {
        return lockVisible(visible(member) + " and id = :id and " + OrderedList.HASH_JOINS_ONLY, member, id);
    }

    private Uni<Release> lockVisible(String query, WorkspaceMember member, UUID id) {
        return find(query, visibleTo(member).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<Release>> page(WorkspaceMember member, ReleaseQuery query) {
        return find(filtered(member, query), Sort.descending("createdAt", "id"), filters(member, query))
                .range(query.paging().offset(), query.paging().offset() + query.paging().limit() - 1)
                .list();
    }

    public Uni<Long> count(WorkspaceMember member, ReleaseQuery query) {
        return count(filtered(member, query), filters(member, query));
    }

    /** Deletes a release and, by cascade, its tracks. */
    public Uni<Long> deleteRelease(int tenantId, UUID id) {
        return delete("tenantId = ?1 and id = ?2", tenantId, id);
    }

    private static String visible(WorkspaceMember member) {
        return member.admin() ? "tenantId = :tenant" : "tenantId = :tenant and tenantUserId = :user";
    }

    private static Parameters visibleTo(WorkspaceMember member) {
        Parameters parameters = Parameters.with("tenant", member.tenantId());
        return member.admin() ? parameters : parameters.and("user", member.userId());
    }

    private static String filtered(WorkspaceMember member, ReleaseQuery query) {
        StringBuilder where = new StringBuilder(visible(member));
        if (query.status() != null) {
            where.append(" and status = :status");
        }
        if (query.format() != null) {
            where.append(" and format = :format");
        }
        if (query.type() != null) {
            where.append(" and type = :type");
        }
        if (query.search() != null) {
            where.append(" and (lower(title) like :search escape '\\' or lower(displayArtist) like :search escape '\\'"
                    + " or lower(description) like :search escape '\\')");
        }
        return where.toString();
    }

    private static Parameters filters(WorkspaceMember member, ReleaseQuery query) {
        Parameters parameters = visibleTo(member);
        if (query.status() != null) {
            parameters.and("status", query.status());
        }
        if (query.format() != null) {
            parameters.and("format", query.format());
        }
        if (query.type() != null) {
            parameters.and("type", query.type());
        }
        if (query.search() != null) {
            parameters.and("search", query.searchPattern());
        }
        return parameters;
    }
}
