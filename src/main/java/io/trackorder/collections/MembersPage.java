package io.trackorder.collections;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code {collection_id, items, limit, offset}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "CollectionTrackPage")
public record MembersPage(String collectionId, List<MemberView> items, int limit, int offset) {
}
