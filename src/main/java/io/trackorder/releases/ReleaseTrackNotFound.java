package io.trackorder.releases;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The release has no track with this id. */
public class ReleaseTrackNotFound extends ApiException {

    public ReleaseTrackNotFound() {
        super(ErrorCode.RESOURCE_NOT_FOUND, "Track not found in this release");
    }
}
