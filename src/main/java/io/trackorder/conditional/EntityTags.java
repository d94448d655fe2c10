package io.trackorder.conditional;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** Parses the tag lists of {@code If-Match} and {@code If-None-Match} (RFC 9110 §8.8.3, §13.1). */
public final class EntityTags {

    public static final String IF_NONE_MATCH = "If-None-Match";

    /** One tag of a list, with the comma or end that follows it; {@code W/} marks a weak tag. */
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(,|$)");
    private static final int MAX_TAGS = 64;

    private EntityTags() {
    }

    /**
     * Whether a read may answer 304: {@code If-None-Match} names the current tag (weak comparison,
     * RFC 9110 §13.1.2) or is {@code *}.
     *
     * @throws ApiException 400 for a malformed header
     */
    public static boolean notModified(String ifNoneMatch, EntityTag current) {
        TagList known = parse(ifNoneMatch, IF_NONE_MATCH);
        return known != null && known.contains(current, true);
    }

    /** A parsed header: any tag ({@code *}), or the listed ones. */
    record TagList(boolean any, List<Tag> tags) {

        boolean contains(EntityTag current, boolean weakMatches) {
            return any || tags.stream().anyMatch(tag -> (weakMatches || !tag.weak()) && tag.opaque().equals(current.opaque()));
        }
    }

    record Tag(boolean weak, String opaque) {
    }

    /**
     * @return the parsed list, or null when the header is absent or empty
     * @throws ApiException 400 when the header is not {@code *} or a list of quoted tags
     */
    static TagList parse(String header, String name) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new TagList(true, List.of());
        }
        List<Tag> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(header);
        int end = 0;
        while (end < header.length() && tags.size() < MAX_TAGS && matcher.find(end) && matcher.start() == end) {
            tags.add(new Tag(matcher.group(1) != null, matcher.group(2)));
            end = matcher.end();
        }
        if (tags.isEmpty() || end != header.length()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    name + " must be * or a list of at most " + MAX_TAGS + " quoted ETags, such as \"3.1\"");
        }
        return new TagList(false, List.copyOf(tags));
    }
}
