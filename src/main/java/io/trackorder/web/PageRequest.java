package io.trackorder.web;

import java.util.Map;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** {@code limit} and {@code offset} query parameters, checked: not a number is 400, out of range 422. */
public record PageRequest(int limit, int offset) {

    /** The page of a list on the Collections API when {@code limit} is absent, and its largest. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public static PageRequest parse(String limit, String offset, int defaultLimit, int maxLimit) {
        int parsedLimit = parse("limit", limit, defaultLimit);
        int parsedOffset = parse("offset", offset, 0);
        if (parsedLimit < 1 || parsedLimit > maxLimit) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "limit must be between 1 and " + maxLimit,
                    Map.of("field", "limit", "min", 1, "max", maxLimit));
        }
        if (parsedOffset < 0) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "offset must be 0 or more",
                    Map.of("field", "offset", "min", 0));
        }
        return new PageRequest(parsedLimit, parsedOffset);
    }

    private static int parse(String name, String value, int absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return integer(value);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be an integer", Map.of("parameter", name));
        }
    }

    /**
     * A paging number as clients write it: ASCII digits with an optional minus. Integer.parseInt
     * alone would also take "+5" and digits of other scripts ("١" as 1).
     *
     * @throws NumberFormatException for anything else, or a number beyond int
     */
    public static int integer(String value) {
        if (!value.matches("-?[0-9]+")) {
            throw new NumberFormatException("not a decimal integer");
        }
        return Integer.parseInt(value);
    }
}
