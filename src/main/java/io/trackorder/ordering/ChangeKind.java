package io.trackorder.ordering;

import java.util.Locale;

/** What kind of change an order history entry records. */
public enum ChangeKind {
    REORDER,
    MOVE,
    ADD,
    REMOVE,
    TRACK_DELETED,
    RESTORE;

    /** The name on the wire and in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
