package io.trackorder.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.trackorder.events.Events;

/**
 * The changes a request body makes to a release or a track. Every field is checked when the body
 * is read, before anything touches the database; each field present becomes one change, an absent
 * one leaves the value as it is (partial update), and an explicit null clears a nullable field.
 */
public abstract class CatalogEdit<T extends CatalogEntry> {

    static final String TITLE = "title";
    public static final String DISPLAY_ARTIST = "displayArtist";
    public static final int MAX_NAME_LENGTH = 512;
    public static final int MAX_VERSION_LENGTH = 256;
    private static final Set<String> EXPLICIT = Set.of("explicit", "clean");

    protected final BodyFields body;
    private final List<Consumer<? super T>> changes = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();

    /** Reads the fields releases and tracks share; the title is required when {@code creating}. */
    protected CatalogEdit(JsonNode json, int tenantId, boolean creating) {
        this.body = BodyFields.of(json);
        if (creating && !body.has(TITLE)) {
            throw BodyFields.invalid(TITLE, "title is required");
        }
        set(TITLE, () -> body.requiredText(TITLE, MAX_NAME_LENGTH), (entry, value) -> entry.title = value);
        set(DISPLAY_ARTIST, () -> body.requiredText(DISPLAY_ARTIST, MAX_NAME_LENGTH),
                (entry, value) -> entry.displayArtist = value);
        set("version", () -> body.text("version", MAX_VERSION_LENGTH), (entry, value) -> entry.version = value);
        set("artists", () -> Artists.read(body, "artists", tenantId), (entry, value) -> entry.artists = value);
        set("mainGenre", () -> body.texts("mainGenre"), (entry, value) -> entry.mainGenre = value);
        set("subGenre", () -> body.texts("subGenre"), (entry, value) -> entry.subGenre = value);
        set("explicit", () -> body.oneOf("explicit", EXPLICIT), (entry, value) -> entry.explicit = value);
        set("metadata", () -> body.object("metadata"), (entry, value) -> entry.metadata = value);
    }

    /** When the body has {@code field}, reads it now and writes it on {@link #applyTo}. */
    protected final <V> void set(String field, Supplier<V> read, BiConsumer<? super T, V> write) {
        if (body.has(field)) {
            V value = read.get();
            changes.add(entry -> write.accept(entry, value));
            changed.add(field);
        }
    }

    protected boolean has(String field) {
        return body.has(field);
    }

    /** The names of the fields the body sets, as a change event carries them: {@code changed}. */
    public ObjectNode changedFields() {
        ObjectNode fields = Events.fields();
        changed.forEach(fields.putArray("changed")::add);
        return fields;
    }

    public void applyTo(T entry) {
        changes.forEach(change -> change.accept(entry));
    }
}
