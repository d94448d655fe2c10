package io.trackorder.ordering;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

import io.trackorder.errors.ApiException;

/** A restore request of either surface: {@code {"revision": n}}, the history entry to restore. */
public final class RestoreBody {

    public static final String FIELD = "revision";

    private RestoreBody() {
    }

    /**
     * @param refuseUnknown whether other fields are an error rather than skipped
     * @return the revision
     */
    public static long parse(JsonNode body, boolean refuseUnknown) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "The request body must be a JSON object");
        }
        if (refuseUnknown) {
            for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!FIELD.equals(name)) {
                    throw ApiException.validation(name, "Unknown field: " + name);
                }
            }
        }
        JsonNode revision = body.get(FIELD);
        if (revision == null || !revision.isIntegralNumber() || !revision.canConvertToLong()
                || revision.longValue() < 0) {
            throw ApiException.validation(FIELD, "revision must be an integer of at least 0");
        }
        return revision.longValue();
    }
}
