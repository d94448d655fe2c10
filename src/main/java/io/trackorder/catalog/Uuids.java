package io.trackorder.catalog;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Release and track ids: UUIDs in their canonical 36-character form. */
public final class Uuids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The UUID, or null when the text is not one (UUID.fromString alone accepts shorter forms). */
    public static UUID parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    /** The UUID, or the failure {@code unknown} gives when the text is not one. */
    public static UUID parseOr(String text, Supplier<? extends RuntimeException> unknown) {
        UUID parsed = parse(text);
        if (parsed == null) {
            throw unknown.get();
        }
        return parsed;
    }
}
