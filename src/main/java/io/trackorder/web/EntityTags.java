package io.trackorder.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags of collections and releases: {@code "<revision>"}, the version of their track list.
 * Parses the tag lists of {@code If-Match} and {@code If-None-Match} (RFC 9110 §8.8.3, §13.1).
 */
public final class EntityTags {

    /** One tag of a list, with the comma or end that follows it; {@code W/} marks a weak tag. */
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(,|$)");
    private static final int MAX_TAGS = 64;

    private EntityTags() {
    }

    public static String of(long revision) {
        return "\"" + revision + "\"";
    }

    /** A parsed header: any tag ({@code *}), or the listed ones. */
    record TagList(boolean any, List<Tag> tags) {

        boolean contains(long revision, boolean weakMatches) {
            String opaque = Long.toString(revision);
            return any || tags.stream().anyMatch(tag -> (weakMatches || !tag.weak()) && tag.opaque().equals(opaque));
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
                    name + " must be * or a list of at most " + MAX_TAGS + " quoted revisions, such as \"3\"");
        }
        return new TagList(false, List.copyOf(tags));
    }
}
