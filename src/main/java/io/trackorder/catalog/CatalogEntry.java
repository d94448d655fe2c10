package io.trackorder.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The descriptive fields that a release and each of its tracks both carry. */
@MappedSuperclass
public abstract class CatalogEntry {

    /** Writes JSON text into a {@code jsonb} column (see {@link JsonColumn}). */
    public static final String JSONB = "CAST(CAST(? AS text) AS jsonb)";

    public String title;

    public String version;

    @Column(name = "display_artist")
    public String displayArtist;

    @Convert(converter = JsonColumn.Artists.class)
    @Column(name = "artists", columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(artists AS text)", write = JSONB)
    public List<ArtistReference> artists;

    @Convert(converter = JsonColumn.Texts.class)
    @Column(name = "main_genre", columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(main_genre AS text)", write = JSONB)
    public List<String> mainGenre;

    @Convert(converter = JsonColumn.Texts.class)
    @Column(name = "sub_genre", columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(sub_genre AS text)", write = JSONB)
    public List<String> subGenre;

    /** {@code explicit}, {@code clean}, or null when not specified. */
    public String explicit;

    @Convert(converter = JsonColumn.JsonObject.class)
    @Column(name = "metadata", columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(metadata AS text)", write = JSONB)
    public ObjectNode metadata;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The current time as a timestamp column keeps it: PostgreSQL stores microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new entry's lists and metadata, before its edit: empty rather than null. */
    public void applyDefaults() {
        artists = List.of();
        mainGenre = List.of();
        subGenre = List.of();
        metadata = JsonNodeFactory.instance.objectNode();
    }
}
