package io.trackorder.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Events in the CloudEvents 1.0 structured JSON format, the body of each published message. */
public final class CloudEvents {

    /** The message content type of a structured CloudEvent in JSON. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvents() {
    }

    public static byte[] structured(ChangeEvent event) {
        ObjectNode body = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", event.id().toString())
                .put("source", event.source())
                .put("type", event.type())
                .put("subject", event.subject())
                // RFC 3339, in UTC.
                .put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()))
                .put("datacontenttype", "application/json");
        body.set("data", event.data());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
