package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The published body is a structured CloudEvents 1.0 event in JSON. */
class CloudEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rendersEveryAttributeAndTheData() throws Exception {
        ChangeEvent event = OutboxTest.event("release:1/5b2c7f1e-0000-4000-8000-000000000001", 3);
        JsonNode body = JSON.readTree(CloudEvents.structured(event));

        Set<String> attributes = new HashSet<>();
        body.fieldNames().forEachRemaining(attributes::add);
        assertEquals(Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"),
                attributes);
        assertEquals("1.0", body.path("specversion").asText());
        assertEquals(event.id().toString(), body.path("id").asText());
        assertEquals(event.source(), body.path("source").asText());
        assertEquals(event.type(), body.path("type").asText());
        assertEquals(event.subject(), body.path("subject").asText());
        assertEquals(event.time().toString(), body.path("time").asText());
        assertEquals("application/json", body.path("datacontenttype").asText());
        // Parsed back, as the body was: numbers come back as the smallest type that holds them.
        assertEquals(JSON.readTree(event.data().toString()), body.path("data"));
    }
}
