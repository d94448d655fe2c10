package io.trackorder.releases;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The release's status does not allow the operation (draft and rejected only): a 400, as Royalti's API answers. */
public class ReleaseNotEditable extends ApiException {

    public ReleaseNotEditable(String reason) {
        super(ErrorCode.INVALID_REQUEST, reason);
    }

    static ReleaseNotEditable forChanges(ReleaseStatus status) {
        return new ReleaseNotEditable("Only releases in draft or rejected status can be changed; this one is "
                + status.value());
    }
}
