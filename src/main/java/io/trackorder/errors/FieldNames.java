package io.trackorder.errors;

import java.util.regex.Pattern;

import io.trackorder.web.Surface;

/** Java property names as the client wrote them: snake_case on the Collections API. */
final class FieldNames {

    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private FieldNames() {
    }

    static String forSurface(String javaName, Surface surface) {
        if (javaName == null || surface == Surface.RELEASES) {
            return javaName;
        }
        return HUMP.matcher(javaName).replaceAll("$1_$2").toLowerCase();
    }
}
