package io.trackorder.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EntityTagTest {

    @Test
    void aListsTagIsItsRevisionAndAnObjectsTagAddsItsChanges() {
        assertEquals(new EntityTag("0"), EntityTag.ofList(0));
        assertEquals("\"42\"", EntityTag.ofList(42).header());
        assertEquals("\"9223372036854775807\"", EntityTag.ofList(Long.MAX_VALUE).header());
        assertEquals(new EntityTag("3.1"), EntityTag.ofObject(3, 1));
        assertEquals("\"0.0\"", EntityTag.ofObject(0, 0).header());
    }

    @Test
    void aListsTagNeverEqualsAnObjectsTag() {
        for (long revision = 0; revision < 20; revision++) {
            for (long changes = 0; changes < 20; changes++) {
                assertNotEquals(EntityTag.ofList(revision), EntityTag.ofObject(revision, changes));
                assertNotEquals(EntityTag.ofList(revision * 100 + changes), EntityTag.ofObject(revision, changes));
            }
        }
        // Different pairs, different tags: the dot separates them.
        assertNotEquals(EntityTag.ofObject(1, 23), EntityTag.ofObject(12, 3));
    }

    @Test
    void aDigestTagIs128BitsOfTheSha256OfTheExactBytesInUnpaddedBase64Url() {
        assertEquals(new EntityTag("47DEQpj8HBSa-_TImW-5JA"), EntityTag.ofBytes(new byte[0]));
        assertEquals(new EntityTag("AVq9f1zFei3ZS3WQ8ErYCA"), EntityTag.ofBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\"AVq9f1zFei3ZS3WQ8ErYCA\"", EntityTag.ofBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).header());
        assertNotEquals(EntityTag.ofBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                EntityTag.ofBytes("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
        for (int length = 0; length < 64; length++) {
            String opaque = EntityTag.ofBytes(new byte[length]).opaque();
            assertEquals(22, opaque.length(), opaque);
            assertEquals(true, opaque.matches("[A-Za-z0-9_-]{22}"), opaque);
        }
    }
}
