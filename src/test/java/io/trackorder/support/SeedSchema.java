package io.trackorder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

/**
 * The Releases API seed's own OpenAPI 3.0 document (src/test/resources/seeds, copied verbatim from
 * the seed), used to check that what the API returns is what a client of the seed expects.
 */
public final class SeedSchema {

    private static final String DOCUMENT = "classpath:seeds/releases-openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema RELEASE_TRACK = schema("ReleaseTrack");

    private SeedSchema() {
    }

    private static JsonSchema schema(String name) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(OpenApi30.getInstance())
                        .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name), config);
    }

    /** Each track validates against the seed's ReleaseTrack and has exactly its fields. */
    public static void assertReleaseTracks(List<?> tracks) {
        assertTrue(!tracks.isEmpty(), "tracks to check");
        tracks.forEach(SeedSchema::assertReleaseTrack);
    }

    public static void assertReleaseTrack(Object track) {
        JsonNode json = JSON.valueToTree(track);
        Set<ValidationMessage> errors = RELEASE_TRACK.validate(json);
        assertTrue(errors.isEmpty(), "ReleaseTrack per the seed: " + errors + " in " + json);
        Set<String> fields = new TreeSet<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        Set<String> expected = new TreeSet<>(seedFields());
        if (!json.has("language")) {
            expected.remove("language"); // omitted when unset: the seed does not let it be null
        }
        assertEquals(expected, fields, "exactly the seed's ReleaseTrack fields");
    }

    private static Set<String> seedFields() {
        Set<String> names = new TreeSet<>();
        RELEASE_TRACK.getSchemaNode().get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
