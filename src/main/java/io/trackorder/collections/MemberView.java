package io.trackorder.collections;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One entry of {@code GET /collections/{id}/tracks}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "CollectionTrack")
public record MemberView(String trackId, int position, Instant addedAt) {

    static MemberView of(CollectionTrack member) {
        return new MemberView(member.trackId, member.position, member.addedAt);
    }
}
