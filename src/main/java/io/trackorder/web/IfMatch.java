package io.trackorder.web;

import java.util.Map;

/**
 * The {@code If-Match} precondition of a change: the change goes ahead only while the list is at
 * one of the given revisions. Absent or {@code *} means unconditional. Checked after the row lock
 * is taken, so no other writer can move the revision between the check and the change.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    public static final String DESCRIPTION = """
            Optional. The `ETag` of an earlier response (e.g. `"3"`): the change is made only if the revision is \
            still that one, else 412 and nothing is written. Absent or `*`: unconditional.""";
    public static final IfMatch ANY = new IfMatch(null);

    private final EntityTags.TagList tags;

    private IfMatch(EntityTags.TagList tags) {
        this.tags = tags;
    }

    /** @throws ApiException 400 for a malformed header */
    public static IfMatch parse(String header) {
        EntityTags.TagList parsed = EntityTags.parse(header, HEADER);
        return parsed == null ? ANY : new IfMatch(parsed);
    }

    /** @throws ApiException 412 when the current revision is not one the client asked for */
    public void require(long revision) {
        // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
        if (tags != null && !tags.contains(revision, false)) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                    "The revision is " + revision + ", not the one If-Match names; read it again and retry",
                    Map.of("revision", revision));
        }
    }
}
