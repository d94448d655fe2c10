package io.trackorder.ordering;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.trackorder.Ids;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/**
 * A move request of either surface, read and checked as far as it can be without the list: either
 * a {@link RangeMove}, or ids to move next to an anchor id. Every broken rule is a validation error
 * naming its field; what needs the list (a range beyond it, ids that are not members) the
 * statement reports.
 *
 * @param range the range move, or null for an id-anchored one
 * @param ids the ids to move, in order, without repeats
 * @param anchor the id they move next to
 * @param after whether they go after the anchor rather than before it
 */
public record MoveBody(RangeMove range, List<String> ids, String anchor, boolean after) {

    /**
     * One surface's names of the fields.
     *
     * @param refuseUnknown whether other fields are an error rather than skipped
     */
    public record Fields(String rangeStart, String rangeLength, String insertBefore, String ids, String before,
            String after, boolean refuseUnknown) {

        Set<String> all() {
            return Set.of(rangeStart, rangeLength, insertBefore, ids, before, after);
        }
    }

    /**
     * @param canonical how the surface spells an id it compares (UUIDs in lower case), applied to
     *        every id before duplicates and the anchor are checked
     */
    public static MoveBody parse(JsonNode body, Fields fields, int maxIds, UnaryOperator<String> canonical) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "The request body must be a JSON object");
        }
        if (fields.refuseUnknown()) {
            for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!fields.all().contains(name)) {
                    throw ApiException.validation(name, "Unknown field: " + name);
                }
            }
        }
        boolean byRange = body.has(fields.rangeStart()) || body.has(fields.rangeLength())
                || body.has(fields.insertBefore());
        boolean byIds = body.has(fields.ids()) || body.has(fields.before()) || body.has(fields.after());
        if (byRange && byIds) {
            throw ApiException.validation(fields.ids(), "A move is either by range (" + fields.rangeStart() + ", "
                    + fields.insertBefore() + ") or by ids (" + fields.ids() + "), not both");
        }
        if (byIds) {
            return byIds(body, fields, maxIds, canonical);
        }
        int start = integer(body, fields.rangeStart(), 0, null);
        int length = integer(body, fields.rangeLength(), 1, 1);
        int insertBefore = integer(body, fields.insertBefore(), 0, null);
        return new MoveBody(new RangeMove(start, length, insertBefore), List.of(), null, false);
    }

    private static MoveBody byIds(JsonNode body, Fields fields, int maxIds, UnaryOperator<String> canonical) {
        List<String> ids = ids(body.get(fields.ids()), fields.ids(), maxIds).stream().map(canonical).toList();
        List<String> duplicates = ReorderRule.duplicates(ids);
        if (!duplicates.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR,
                    fields.ids() + " lists the same track more than once: " + named(duplicates),
                    Map.of("field", fields.ids(), "duplicate_ids", duplicates));
        }
        JsonNode before = body.get(fields.before());
        JsonNode after = body.get(fields.after());
        if ((before == null) == (after == null)) {
            throw ApiException.validation(fields.before(),
                    "Give exactly one of " + fields.before() + " and " + fields.after());
        }
        String anchorField = before != null ? fields.before() : fields.after();
        JsonNode anchor = before != null ? before : after;
        if (!anchor.isTextual() || anchor.textValue().isEmpty() || anchor.textValue().length() > Ids.MAX_LENGTH) {
            throw ApiException.validation(anchorField, anchorField + " must be a track id");
        }
        String anchorId = canonical.apply(anchor.textValue());
        if (ids.contains(anchorId)) {
            throw ApiException.validation(anchorField, anchorField + " is one of the tracks to move");
        }
        return new MoveBody(null, ids, anchorId, after != null);
    }

    private static List<String> ids(JsonNode node, String field, int maxIds) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiException.validation(field, field + " must be a non-empty array of track ids");
        }
        if (node.size() > maxIds) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, field + " may hold at most " + maxIds + " track ids",
                    Map.of("field", field, "max_items", maxIds));
        }
        List<String> ids = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            if (!id.isTextual() || id.textValue().isEmpty() || id.textValue().length() > Ids.MAX_LENGTH) {
                throw ApiException.validation(field, field + " must be a non-empty array of track ids");
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    /** A whole JSON number from {@code min} up to int's largest; {@code absent} when missing, or an error when null. */
    private static int integer(JsonNode body, String field, int min, Integer absent) {
        JsonNode value = body.get(field);
        if (value == null && absent != null) {
            return absent;
        }
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            throw ApiException.validation(field, field + " must be an integer of at least " + min);
        }
        return value.intValue();
    }

    /** At most ten ids, so that a message stays readable whatever the request held. */
    public static String named(List<?> ids) {
        List<String> shown = ids.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", shown) + (ids.size() > 10 ? " and " + (ids.size() - 10) + " more" : "");
    }

    /** Fails naming the field when the range move does not fit a list of {@code size} members. */
    public void requireFits(int size, Fields fields) {
        if (range.start() >= size) {
            throw beyond(fields.rangeStart(), fields.rangeStart() + " must be less than", size);
        }
        if ((long) range.start() + range.length() > size) {
            throw beyond(fields.rangeLength(), fields.rangeStart() + " plus " + fields.rangeLength()
                    + " must be at most", size);
        }
        if (range.insertBefore() > size) {
            throw beyond(fields.insertBefore(), fields.insertBefore() + " must be at most", size);
        }
    }

    private static ApiException beyond(String field, String rule, int size) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, rule + " the number of tracks (" + size + ")",
                Map.of("field", field, "track_count", size));
    }

    /** Fails naming the field when the anchor or any of the ids to move is not a member. */
    public void requireMembers(OrderedList.AnchoredMoved moved, Fields fields) {
        if (!moved.strangers().isEmpty()) {
            List<String> strangers = moved.strangers().stream().map(ids::get).toList();
            throw new ApiException(ErrorCode.VALIDATION_ERROR,
                    fields.ids() + " lists ids that are not tracks of this list: " + named(strangers),
                    Map.of("field", fields.ids(), "not_member_ids", strangers.subList(0, Math.min(100, strangers.size()))));
        }
        if (!moved.anchorFound()) {
            String field = after ? fields.after() : fields.before();
            throw ApiException.validation(field, field + " is not a track of this list");
        }
    }

    /** Whether this is a range move. */
    public boolean isRange() {
        return range != null;
    }
}
