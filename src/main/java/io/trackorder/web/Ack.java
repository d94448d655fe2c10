package io.trackorder.web;

/** The mutation acknowledgement of the Collections API: {@code {success, id, detail}}. */
public record Ack(boolean success, String id, String detail) {

    public static Ack of(String id, String detail) {
        return new Ack(true, id, detail);
    }
}
