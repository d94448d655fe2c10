package io.trackorder.errors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.trackorder.web.Surface;

/**
 * The two error formats: the Releases API has its own; every other surface (the Collections API,
 * {@code /admin}, paths of no endpoint) answers with the Collections API envelope.
 * <p>
 * The bodies leave as the entity of a {@code Response} or through an {@code ObjectMapper}, where
 * Quarkus cannot see their types: they are registered for reflection so that Jackson finds their
 * properties in a native image too.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Object of(ApiException error, Surface surface, String requestId) {
        if (surface == Surface.RELEASES) {
            Object field = error.details().get("field");
            return new ReleasesError("error", error.reason(), field == null ? null
                    : List.of(new ReleasesError.FieldError(field.toString(), error.reason())));
        }
        ErrorCode code = error.code();
        return new CollectionsError(false, new CollectionsError.Detail(code.name(), code.message(), error.reason(),
                code.type(), code.status(), error.details(), requestId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** The error's status on the surface: the Releases API answers every validation failure with 400, as Royalti's API does. */
    static int status(ApiException error, Surface surface) {
        int status = error.code().status();
        return status == 422 && surface == Surface.RELEASES ? 400 : status;
    }

    /** {@code {"success": false, "error": {...}}}, as in the compatible collections API. */
    @RegisterForReflection
    public record CollectionsError(boolean success, Detail error) {
        @RegisterForReflection
        public record Detail(String code, String message, @JsonProperty("system_message") String systemMessage,
                String type, int status, Map<String, Object> details, @JsonProperty("trace_id") String traceId,
                String timestamp) {
        }
    }

    /** {@code {"status": "error", "message": "..."}}, as in Royalti's API. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReleasesError(String status, String message, List<FieldError> errors) {
        @RegisterForReflection
        public record FieldError(String field, String message) {
        }
    }
}
