package io.trackorder.releases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.trackorder.conditional.IfMatch;
import io.trackorder.security.WorkspaceMember;

/**
 * A release as the caller may see it, loaded for a read or locked for a change: the release
 * service and the release track service both start here, so one rule decides what a caller may
 * see and change. Runs in the caller's session or transaction.
 */
@ApplicationScoped
public class ReleaseAccess {

    private final ReleaseRepository releases;

    public ReleaseAccess(ReleaseRepository releases) {
        this.releases = releases;
    }

    public Uni<Release> visible(WorkspaceMember member, UUID id) {
        return releases.findVisible(member, id).map(ReleaseAccess::found);
    }

    /** Loads and locks a release and checks the precondition. */
    public Uni<Release> visibleForUpdate(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return checked(releases.findVisibleForUpdate(member, id), ifMatch);
    }

    /** Loads and locks a release that may still be changed, and checks the precondition. */
    public Uni<Release> editable(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return editable(releases.findVisibleForUpdate(member, id), ifMatch);
    }

    /**
     * {@link #editable} for a reorder of its tracks: the lock query also turns nested loops off for
     * the rest of the transaction ({@link io.trackorder.ordering.OrderedList#HASH_JOINS_ONLY}).
     */
    public Uni<Release> editableForReorder(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return editable(releases.findVisibleForReorder(member, id), ifMatch);
    }

    private static Uni<Release> editable(Uni<Release> locked, IfMatch ifMatch) {
        return checked(locked, ifMatch).invoke(release -> {
            if (!release.status().isEditable()) {
                throw ReleaseNotEditable.forChanges(release.status());
            }
        });
    }

    private static Uni<Release> checked(Uni<Release> locked, IfMatch ifMatch) {
        return locked.map(release -> {
            found(release);
            ifMatch.require(release.tag());
            return release;
        });
    }

    private static Release found(Release release) {
        if (release == null) {
            throw new ReleaseNotFound();
        }
        return release;
    }
}
