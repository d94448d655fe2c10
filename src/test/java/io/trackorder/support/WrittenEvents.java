package io.trackorder.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The events in the outbox, as the service wrote them, in the order it wrote them. */
public final class WrittenEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WrittenEvents() {
    }

    /** One row of the outbox. */
    public record Written(String type, long revision, String source, String subject, JsonNode data) {
    }

    public static List<Written> ofList(String listKey) throws SQLException, JsonProcessingException {
        return query("list_key = ?", listKey);
    }

    public static List<Written> ofSource(String source) throws SQLException, JsonProcessingException {
        return query("source = ?", source);
    }

    /** The ids of a list's events, in the order they were written. */
    public static List<String> idsOfList(String listKey) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT id::text FROM event_outbox WHERE list_key = ? ORDER BY seq")) {
            query.setString(1, listKey);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * The events in {@code now} after those in {@code earlier}, a read of the same events before
     * (say, after a test's setup): the events of the changes in between.
     */
    public static List<Written> since(List<Written> earlier, List<Written> now) {
        if (!now.subList(0, Math.min(earlier.size(), now.size())).equals(earlier)) {
            throw new AssertionError("events written earlier changed or vanished: " + earlier + " then " + now);
        }
        return now.subList(earlier.size(), now.size());
    }

    /** The ids in a JSON array of the data. */
    public static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static List<Written> query(String condition, String value) throws SQLException, JsonProcessingException {
        List<Written> events = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement("SELECT type, revision, source, subject, data::text"
                        + " FROM event_outbox WHERE " + condition + " ORDER BY seq")) {
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    events.add(new Written(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                            JSON.readTree(row.getString(5))));
                }
            }
        }
        return events;
    }
}
