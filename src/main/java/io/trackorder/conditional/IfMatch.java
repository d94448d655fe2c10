package io.trackorder.conditional;

import java.util.Map;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/**
 * The {@code If-Match} precondition of a change: the change goes ahead only while the resource it
 * changes still has one of the given entity tags. Absent or {@code *} means unconditional. Checked
 * after the row lock is taken, so no other writer can change the tag between the check and the change.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
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

    /** @throws ApiException 412 when the resource's current tag is not one the client asked for */
    public void require(EntityTag current) {
        // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
        if (tags != null && !tags.contains(current, false)) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                    "The ETag is now " + current.header() + ", not one that If-Match names; read it again and retry",
                    Map.of("etag", current.header()));
        }
    }
}
