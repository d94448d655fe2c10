package io.trackorder.releases;

import io.trackorder.errors.ApiException;

/** A checked review decision: approve (feedback optional) or reject (feedback required). */
record Review(ReleaseStatus outcome, String feedback) {

    static final int MAX_FEEDBACK_LENGTH = 4096;

    static Review of(ReviewRequest request) {
        if (request == null || request.action() == null) {
            throw ApiException.validation("action", "action is required: approve or reject");
        }
        String feedback = request.feedback() == null || request.feedback().isBlank() ? null : request.feedback();
        if (feedback != null && feedback.length() > MAX_FEEDBACK_LENGTH) {
            throw ApiException.validation("feedback", "feedback must be at most " + MAX_FEEDBACK_LENGTH + " characters");
        }
        return switch (request.action()) {
            case "approve" -> new Review(ReleaseStatus.APPROVED, feedback);
            case "reject" -> {
                if (feedback == null) {
                    throw ApiException.validation("feedback", "feedback is required to reject a release");
                }
                yield new Review(ReleaseStatus.REJECTED, feedback);
            }
            default -> throw ApiException.validation("action", "action must be approve or reject");
        };
    }
}
