package io.trackorder.events;

import java.util.UUID;

/**
 * The list an event belongs to, named as every event of it names it (see {@link ChangeEvent}); the
 * names come from its {@link ListKind}.
 *
 * @param key the event's list key
 * @param types the prefix of its types, e.g. {@code io.trackorder.collection.}
 * @param source the list's path in its API
 * @param subject the list's id
 */
public record EventList(String key, String types, String source, String subject) {

    public static EventList collection(String organizationId, String collectionId) {
        return ListKind.COLLECTION.list(organizationId, collectionId);
    }

    public static EventList release(int tenantId, UUID releaseId) {
        return ListKind.RELEASE.list(String.valueOf(tenantId), releaseId.toString());
    }
}
