package io.trackorder.collections;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code {collection_id, items, limit, offset}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MembersPage(String collectionId, List<MemberView> items, int limit, int offset) {
}
