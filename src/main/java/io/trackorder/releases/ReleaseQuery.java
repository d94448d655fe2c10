package io.trackorder.releases;

import java.util.Locale;

/** The filters and page of {@code GET /releases}, checked: a bad value is a 400 naming the parameter. */
record ReleaseQuery(String status, String format, String type, String search, Paging paging) {

    static ReleaseQuery parse(String status, String format, String type, String search, String page, String limit) {
        if (status != null && !ReleaseStatus.isValue(status)) {
            throw Paging.invalid("status",
                    "status must be one of draft, submitted, under_review, approved, rejected, completed");
        }
        if (format != null && !ReleaseEdit.FORMATS.contains(format)) {
            throw Paging.invalid("format", "format must be one of Single, EP, Album, Mixtape, Compilation");
        }
        if (type != null && !ReleaseEdit.TYPES.contains(type)) {
            throw Paging.invalid("type", "type must be one of Audio, Video, Audiovisual");
        }
        if (search != null && search.length() > 256) {
            throw Paging.invalid("search", "search must be at most 256 characters");
        }
        return new ReleaseQuery(status, format, type, search == null || search.isBlank() ? null : search,
                Paging.parse(page, limit));
    }

    /** A LIKE pattern matching {@code search} anywhere, case-insensitively, with its wildcards taken literally. */
    String searchPattern() {
        String escaped = search.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
