package io.trackorder.releases;

import java.util.Locale;
import java.util.Map;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.web.PageRequest;

/** The filters and page of {@code GET /releases}, checked: a bad value is a 400 naming the parameter. */
record ReleaseQuery(String status, String format, String type, String search, int page, int limit) {

    private static final int MAX_LIMIT = 100;

    static ReleaseQuery parse(String status, String format, String type, String search, String page, String limit) {
        if (status != null && !ReleaseStatus.isValue(status)) {
            throw invalid("status", "status must be one of draft, submitted, under_review, approved, rejected, completed");
        }
        if (format != null && !ReleaseEdit.FORMATS.contains(format)) {
            throw invalid("format", "format must be one of Single, EP, Album, Mixtape, Compilation");
        }
        if (type != null && !ReleaseEdit.TYPES.contains(type)) {
            throw invalid("type", "type must be one of Audio, Video, Audiovisual");
        }
        if (search != null && search.length() > 256) {
            throw invalid("search", "search must be at most 256 characters");
        }
        int pageNumber = number("page", page, 1, 1, Integer.MAX_VALUE / MAX_LIMIT);
        int pageSize = number("limit", limit, 20, 1, MAX_LIMIT);
        return new ReleaseQuery(status, format, type, search == null || search.isBlank() ? null : search,
                pageNumber, pageSize);
    }

    int offset() {
        return (page - 1) * limit;
    }

    /** A LIKE pattern matching {@code search} anywhere, case-insensitively, with its wildcards taken literally. */
    String searchPattern() {
        String escaped = search.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
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

    private static ApiException invalid(String parameter, String reason) {
        return new ApiException(ErrorCode.INVALID_REQUEST, reason, Map.of("field", parameter));
    }
}
