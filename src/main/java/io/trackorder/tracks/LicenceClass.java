package io.trackorder.tracks;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a track may be used; {@code unclear} until someone says otherwise. */
public enum LicenceClass {
    COMMERCIAL_CLEARED,
    COMMERCIAL_ENTERPRISE,
    PERSONAL_ONLY,
    UNCLEAR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
