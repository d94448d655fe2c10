package io.trackorder.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.trackorder.conditional.EntityTags.Tag;
import io.trackorder.conditional.EntityTags.TagList;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

class EntityTagsTest {

    private static final String NAME = "If-None-Match";

    @Test
    void anAbsentOrBlankHeaderIsNoCondition() {
        assertNull(EntityTags.parse(null, NAME));
        assertNull(EntityTags.parse("", NAME));
        assertNull(EntityTags.parse("  \t", NAME));
    }

    @Test
    void aStarIsAnyTag() {
        assertEquals(new TagList(true, List.of()), EntityTags.parse("*", NAME));
        assertEquals(new TagList(true, List.of()), EntityTags.parse("  * ", NAME));
    }

    @Test
    void listsOfStrongAndWeakTagsAreReadInOrder() {
        assertEquals(List.of(new Tag(false, "3")), EntityTags.parse("\"3\"", NAME).tags());
        assertEquals(List.of(new Tag(true, "3.1")), EntityTags.parse("W/\"3.1\"", NAME).tags());
        assertEquals(List.of(new Tag(false, "")), EntityTags.parse("\"\"", NAME).tags());
        assertEquals(List.of(new Tag(false, "a"), new Tag(true, "b"), new Tag(false, "c")),
                EntityTags.parse(" \"a\" ,W/\"b\",\t\"c\" ", NAME).tags());
        // Every visible ASCII character but the quote may be in a tag.
        assertEquals(List.of(new Tag(false, "!#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~")),
                EntityTags.parse("\"!#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\"", NAME).tags());
        assertFalse(EntityTags.parse("\"a\"", NAME).any());
    }

    @Test
    void sixtyFourTagsAreReadAndSixtyFiveAreRefused() {
        assertEquals(64, EntityTags.parse(tags(64), NAME).tags().size());
        assertRefused(tags(65));
    }

    @Test
    void anythingButStarOrQuotedTagsIsRefusedWithTheHeadersName() {
        for (String header : List.of("3", "\"3", "3\"", "'3'", "w/\"3\"", "W/3", "W /\"3\"", "\"a b\"", "\"a\"b\"",
                "\"é\"", "\"a\u0000\"", "\"a\" \"b\"", "\"a\";\"b\"", ",\"a\"", "*,\"a\"", "\"a\", *", "**", "\"a\",,\"b\"")) {
            assertRefused(header);
        }
        ApiException refused = assertThrows(ApiException.class, () -> EntityTags.parse("3", "If-Match"));
        assertEquals("If-Match must be * or a list of at most 64 quoted ETags, such as \"3.1\"", refused.reason());
    }

    @Test
    void notModifiedComparesWeaklyAndTakesAStar() {
        EntityTag current = EntityTag.ofObject(3, 1);
        assertTrue(EntityTags.notModified("\"3.1\"", current));
        assertTrue(EntityTags.notModified("W/\"3.1\"", current));
        assertTrue(EntityTags.notModified("\"2.0\", \"3.1\"", current));
        assertTrue(EntityTags.notModified("*", current));
        assertFalse(EntityTags.notModified(null, current));
        assertFalse(EntityTags.notModified("", current));
        assertFalse(EntityTags.notModified("\"3\"", current));
        assertFalse(EntityTags.notModified("\"3.10\"", current));
        assertFalse(EntityTags.notModified("\"2.0\", W/\"3.2\"", current));
        ApiException refused = assertThrows(ApiException.class, () -> EntityTags.notModified("3.1", current));
        assertEquals("If-None-Match must be * or a list of at most 64 quoted ETags, such as \"3.1\"", refused.reason());
    }

    private static String tags(int count) {
        return String.join(", ", Collections.nCopies(count, "\"x\""));
    }

    private static void assertRefused(String header) {
        ApiException refused = assertThrows(ApiException.class, () -> EntityTags.parse(header, NAME), header);
        assertEquals(ErrorCode.INVALID_REQUEST, refused.code(), header);
        assertEquals("If-None-Match must be * or a list of at most 64 quoted ETags, such as \"3.1\"", refused.reason(),
                header);
        assertEquals(Map.of(), refused.details(), header);
    }
}
