package io.trackorder.releasetracks;

import java.util.UUID;

import io.trackorder.catalog.Uuids;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The release has no track with this id. */
public class ReleaseTrackNotFound extends ApiException {

    public ReleaseTrackNotFound() {
        super(ErrorCode.RESOURCE_NOT_FOUND, "Track not found in this release");
    }

    /** A track id from a path: one that is not a UUID names no track of the release, a 404. */
    public static UUID parseId(String id) {
        return Uuids.parseOr(id, ReleaseTrackNotFound::new);
    }
}
