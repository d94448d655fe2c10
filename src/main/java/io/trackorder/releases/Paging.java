package io.trackorder.releases;

import java.util.Map;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.web.PageRequest;

/** The {@code page} and {@code limit} of a list on the Releases API, checked: a bad value is a 400 naming it. */
public record Paging(int page, int limit) {

    private static final int MAX_LIMIT = 100;

    public static Paging parse(String page, String limit) {
        return new Paging(number("page", page, 1, 1, Integer.MAX_VALUE / MAX_LIMIT), number("limit", limit, 20, 1,
                MAX_LIMIT));
    }

    public int offset() {
        return (page - 1) * limit;
    }

    /** The reply's {@code pagination} for a list of {@code total} items. */
    public Replies.Pagination of(long total) {
        return new Replies.Pagination(page, limit, total, (total + limit - 1) / limit);
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int parsed = PageRequest.integer(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, name + " must be an integer from " + min + " to " + max);
    }

    static ApiException invalid(String parameter, String reason) {
        return new ApiException(ErrorCode.INVALID_REQUEST, reason, Map.of("field", parameter));
    }
}
