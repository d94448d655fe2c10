package io.trackorder.errors;

import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.trackorder.database.DatabaseFailures;
import io.trackorder.web.RequestIds;
import io.trackorder.web.RequestRoute;
import io.trackorder.web.StrictJson;
import io.trackorder.web.Surface;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure into the error format of the surface it happened on. Each mapper only
 * classifies; {@link ErrorBodies} renders. Nothing internal (class names, SQL, driver messages,
 * stack traces) ever reaches a client: unexpected failures are logged here with the request id
 * and answered with a generic 500.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /**
     * Locks are held for milliseconds as a rule: a wait that reached the limit met an unusually long holder, and one retry a
     * second later is cheap.
     */
    private static final int BUSY_RETRY_AFTER_SECONDS = 1;
    /** How Jackson's parser words a duplicate field: {@code Duplicate field 'name'}. */
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    @ServerExceptionMapper
    public Response apiError(ApiException error, HttpServerRequest request) {
        return respond(error, request);
    }

    /** Declared for its own type so that it wins over the extension's built-in mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException error, HttpServerRequest request) {
        return invalidJson(error, request);
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException error, HttpServerRequest request) {
        if (error.getCause() instanceof ApiException specific) {
            return respond(specific, request);
        }
        if (isOverJsonLimits(error)) {
            return respond(overJsonLimits(), request);
        }
        String duplicate = duplicateField(error);
        if (duplicate != null) {
            return respond(duplicated(duplicate), request);
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(0).getFieldName();
            if (field != null) {
                String reason = mapping.getPath().size() == 1 && isUnknownField(mapping)
                        ? "Unknown field: " + field
                        : field + " has an invalid value or type";
                return respond(wrongField(field, reason, request), request);
            }
        }
        return respond(new ApiException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON"), request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException error, HttpServerRequest request) {
        ConstraintViolation<?> first = error.getConstraintViolations().stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .findFirst().orElseThrow();
        String field = FieldNames.forSurface(leafName(first), surface(request));
        return respond(wrongField(field, field + " " + first.getMessage(), request), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error, HttpServerRequest request) {
        int status = error.getResponse().getStatus();
        ApiException mapped = switch (status) {
            case 400 -> isOverJsonLimits(error) ? overJsonLimits()
                    : duplicateField(error) != null ? duplicated(duplicateField(error))
                            : new ApiException(ErrorCode.INVALID_REQUEST, "The request could not be read");
            case 401 -> new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "Missing or invalid authorization header");
            case 404 -> new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "No resource at this path");
            case 406 -> new ApiException(ErrorCode.NOT_ACCEPTABLE, "Only application/json responses are available");
            case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over 1 MiB");
            case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json");
            default -> null;
        };
        return mapped != null ? respond(mapped, request) : unexpected(error, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error, HttpServerRequest request) {
        if (isClientGone(error)) {
            // Nobody is left to read the answer, and nothing is wrong with the service.
            LOG.debugf("Client of request %s closed the connection before sending its whole body", requestId(request));
            return respond(new ApiException(ErrorCode.INVALID_REQUEST, "The request body could not be read"), request);
        }
        if (DatabaseFailures.isBusy(error)) {
            LOG.infof("Database work of request %s ended by the database's lock or statement timeout", requestId(request));
            return Response.fromResponse(respond(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The resource is busy with other changes; retry in a moment"), request))
                    .header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseFailures.isUnavailable(error)) {
            LOG.warnf("Database unavailable for request %s: %s", requestId(request), error.getClass().getSimpleName());
            return respond(new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The database is unavailable; retry later"),
                    request);
        }
        if (DatabaseFailures.isBadValue(error)) {
            return respond(new ApiException(ErrorCode.VALIDATION_ERROR,
                    "A value in the request cannot be stored (for example a NUL character)"), request);
        }
        LOG.errorf(error, "Unexpected failure for request %s", requestId(request));
        return respond(new ApiException(ErrorCode.INTERNAL_ERROR, "An internal error occurred"), request);
    }

    /** A body read from a connection the client closed fails with Vert.x' HttpClosedException, wrapped in IOExceptions. */
    private static boolean isClientGone(Throwable error) {
        return Causes.include(error, HttpClosedException.class);
    }

    private static ApiException wrongField(String field, String reason, HttpServerRequest request) {
        ErrorCode code = surface(request) == Surface.RELEASES ? ErrorCode.INVALID_REQUEST : ErrorCode.VALIDATION_ERROR;
        return new ApiException(code, reason, Map.of("field", field));
    }

    /** Too deep or too long a number: told apart so that it is never mistaken for a wrong field. */
    private static boolean isOverJsonLimits(Throwable error) {
        return Causes.include(error, StreamConstraintsException.class);
    }

    private static ApiException overJsonLimits() {
        return new ApiException(ErrorCode.INVALID_REQUEST, "The request body is beyond the JSON limits: at most "
                + StrictJson.MAX_NESTING_DEPTH + " levels of nesting and numbers of at most " + StrictJson.MAX_NUMBER_LENGTH
                + " digits");
    }

    private static ApiException duplicated(String field) {
        return new ApiException(ErrorCode.INVALID_REQUEST,
                "The field " + field + " appears more than once; give each field once",
                Map.of("field", field));
    }

    /** The field a body names twice (StrictJson makes the parser refuse it), or null. */
    private static String duplicateField(Throwable error) {
        return Causes.of(error).filter(JsonParseException.class::isInstance)
                .map(cause -> ((JsonParseException) cause).getOriginalMessage())
                .filter(message -> message != null && message.startsWith(DUPLICATE_FIELD))
                .map(message -> message.substring(DUPLICATE_FIELD.length(), message.lastIndexOf('\'')))
                .findFirst().orElse(null);
    }

    private static boolean isUnknownField(JsonMappingException error) {
        return error instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
    }

    private static String leafName(ConstraintViolation<?> violation) {
        String leaf = null;
        for (var node : violation.getPropertyPath()) {
            leaf = node.getName();
        }
        return leaf;
    }

    static Response respond(ApiException error, HttpServerRequest request) {
        Surface surface = surface(request);
        return Response.status(ErrorBodies.status(error, surface))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.of(error, surface, requestId(request)))
                .build();
    }

    private static Surface surface(HttpServerRequest request) {
        return RequestRoute.of(request).surface();
    }

    private static String requestId(HttpServerRequest request) {
        return request.getHeader(RequestIds.HEADER);
    }

}
