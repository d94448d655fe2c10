package io.trackorder.tracks;

import java.util.Map;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** No track with this id in the caller's organization. */
public class TrackNotFound extends ApiException {

    public TrackNotFound(String trackId) {
        super(ErrorCode.RESOURCE_NOT_FOUND, "Music track not found", Map.of("track_id", trackId));
    }
}
