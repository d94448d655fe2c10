package io.trackorder.releases;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** No such release in the caller's view: missing, another owner's, or another workspace's; the caller cannot tell which. */
public class ReleaseNotFound extends ApiException {

    public ReleaseNotFound() {
        super(ErrorCode.RESOURCE_NOT_FOUND, "Release not found");
    }
}
