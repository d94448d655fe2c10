package io.trackorder.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
/** The mutation acknowledgement of the Collections API: {@code {success, id, detail}}. */
@JsonPropertyOrder({"success", "id", "detail"})
public record Ack(boolean success, String id, String detail) {

    public static Ack of(String id, String detail) {
        return new Ack(true, id, detail);
    }
}
