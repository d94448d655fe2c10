package io.trackorder.releases;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.trackorder.events.EventList;
import io.trackorder.events.Events;
import io.trackorder.security.WorkspaceMember;

/**
 * The events of a release's changes other than its order's (those its order statements write):
 * each at the release's revision as the change leaves it, under the release's row lock.
 */
@ApplicationScoped
public class ReleaseEvents {

    private final Events events;

    public ReleaseEvents(Events events) {
        this.events = events;
    }

    /** Writes the release's event {@code name}, made by {@code member}, in the current transaction. */
    public Uni<Void> write(Release release, String name, WorkspaceMember member, ObjectNode fields) {
        return events.write(EventList.release(release.tenantId, release.id), name, release.revision, member.userId(),
                fields);
    }
}
