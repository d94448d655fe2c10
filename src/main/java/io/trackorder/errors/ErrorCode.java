package io.trackorder.errors;

/** The error codes of the Collections API envelope, with their status, type and public message. */
public enum ErrorCode {
    INVALID_REQUEST(400, "client_error", "The request is invalid."),
    AUTHENTICATION_REQUIRED(401, "authentication_error", "Authentication required. Please provide a valid API key."),
    ORGANIZATION_ACCESS_DENIED(403, "authorization_error", "You do not have access to this organization."),
    INSUFFICIENT_PERMISSIONS(403, "authorization_error", "You do not have permission to perform this action."),
    RESOURCE_NOT_FOUND(404, "client_error", "The requested resource was not found."),
    METHOD_NOT_ALLOWED(405, "client_error", "The HTTP method is not allowed for this resource."),
    NOT_ACCEPTABLE(406, "client_error", "The requested response media type is not available."),
    PRECONDITION_FAILED(412, "client_error", "The resource has changed since the given entity tag."),
    PAYLOAD_TOO_LARGE(413, "client_error", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "client_error", "The request media type is not supported."),
    VALIDATION_ERROR(422, "validation_error", "The request payload is invalid."),
    COLLECTION_FULL(422, "validation_error", "The collection has reached its track limit."),
    INTERNAL_ERROR(500, "server_error", "An internal error occurred."),
    SERVICE_UNAVAILABLE(503, "server_error", "The service is temporarily unavailable.");

    private final int status;
    private final String type;
    private final String message;

    ErrorCode(int status, String type, String message) {
        this.status = status;
        this.type = type;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String message() {
        return message;
    }
}
