package io.trackorder.releases;

import java.util.UUID;

import io.trackorder.catalog.Uuids;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** No such release in the caller's view: missing, another owner's, or another workspace's; the caller cannot tell which. */
public class ReleaseNotFound extends ApiException {

    public ReleaseNotFound() {
        super(ErrorCode.RESOURCE_NOT_FOUND, "Release not found");
    }

    /** A release id from a path: one that is not a UUID names no release, a 404 like any release outside the caller's view. */
    public static UUID parseId(String id) {
        return Uuids.parseOr(id, ReleaseNotFound::new);
    }
}
