package io.trackorder.catalog;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A media file or link of a track, as Royalti's API describes it. This service does not store media
 * yet, so every track answers {@code "media": []}; the type documents what clients may expect later.
 */
@Schema(name = "Media")
public record Media(
        @Schema(description = "Cloud storage file ID or unique identifier for links") String cloudId,
        @Schema(description = "Public URL from cloud storage OR the submitted link URL", format = "uri") String cloudUrl,
        @Schema(description = "File type", enumeration = {
                "audio", "video", "image", "document" }) String type,
        @Schema(description = "File name or link title") String name,
        @Schema(description = "Flag to distinguish links from files") Boolean isLink,
        @Schema(description = "Temporary release storage path (for files only)", nullable = true) String releasePath,
        @Schema(description = "Additional metadata") Map<String, Object> metadata){
}
