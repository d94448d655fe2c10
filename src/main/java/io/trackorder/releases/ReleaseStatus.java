package io.trackorder.releases;

import java.util.Arrays;
import java.util.Locale;

/** The workflow states of a release, written in lower case on the wire and in the database. */
public enum ReleaseStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    APPROVED,
    REJECTED,
    COMPLETED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Edits, track changes, reorders and deletion are allowed only before submission or after rejection. */
    public boolean isEditable() {
        return this == DRAFT || this == REJECTED;
    }

    public static ReleaseStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown release status"));
    }

    static boolean isValue(String value) {
        return Arrays.stream(values()).anyMatch(status -> status.value().equals(value));
    }
}
