package io.trackorder.errors;

import java.util.Map;

/**
 * A failure the client caused or may retry, with everything either surface needs to render it:
 * the code (and so the status), a specific human-readable reason and structured details.
 * Carries no stack trace: it is control flow, not a bug.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public ApiException(ErrorCode code, String reason, Map<String, Object> details) {
        super(reason, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ApiException(ErrorCode code, String reason) {
        this(code, reason, Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    /** The specific reason: {@code system_message} on the Collections API, {@code message} on the Releases API. */
    public String reason() {
        return getMessage();
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException validation(String field, String reason) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, reason, Map.of("field", field));
    }
}
