package io.trackorder.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the error responses once for every operation, instead of repeating them on each
 * endpoint: on the Collections API and {@code /admin} the envelope, on the Releases API the seed's
 * {@code {status, message}} responses under the seed's names, with one example per status. Also
 * documents the conditional requests: the {@code ETag} of every operation that takes
 * {@code If-Match} (412) or {@code If-None-Match} (304).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD) // at build time: not redone at every start
public class OpenApiErrors implements OASFilter {

    private static final String ENVELOPE = "ErrorEnvelope";
    private static final String RELEASES_ERROR = "ReleasesError";
    private static final Map<String, String[]> RELEASES_ERRORS = new LinkedHashMap<>();
    private static final Map<String, ErrorCode> COLLECTIONS_ERRORS = new LinkedHashMap<>();

    static {
        COLLECTIONS_ERRORS.put("400", ErrorCode.INVALID_REQUEST);
        COLLECTIONS_ERRORS.put("401", ErrorCode.AUTHENTICATION_REQUIRED);
        COLLECTIONS_ERRORS.put("403", ErrorCode.ORGANIZATION_ACCESS_DENIED);
        COLLECTIONS_ERRORS.put("404", ErrorCode.RESOURCE_NOT_FOUND);
        COLLECTIONS_ERRORS.put("405", ErrorCode.METHOD_NOT_ALLOWED);
        COLLECTIONS_ERRORS.put("412", ErrorCode.PRECONDITION_FAILED);
        COLLECTIONS_ERRORS.put("413", ErrorCode.PAYLOAD_TOO_LARGE);
        COLLECTIONS_ERRORS.put("415", ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        COLLECTIONS_ERRORS.put("422", ErrorCode.VALIDATION_ERROR);
        COLLECTIONS_ERRORS.put("500", ErrorCode.INTERNAL_ERROR);
        COLLECTIONS_ERRORS.put("503", ErrorCode.SERVICE_UNAVAILABLE);
        // status → the seed's response name and example message
        RELEASES_ERRORS.put("400", new String[] { "BadRequest", "Invalid request parameters" });
        RELEASES_ERRORS.put("401", new String[] { "Unauthorized", "Unauthorized" });
        RELEASES_ERRORS.put("403", new String[] { "Forbidden", "Only workspace admins can review releases" });
        RELEASES_ERRORS.put("404", new String[] { "NotFound", "Resource not found" });
        RELEASES_ERRORS.put("412", new String[] { "PreconditionFailed",
                "The revision is 4, not the one If-Match names; read it again and retry" });
        RELEASES_ERRORS.put("413", new String[] { "PayloadTooLarge", "The request body is over 1 MiB" });
        RELEASES_ERRORS.put("415", new String[] { "UnsupportedMediaType", "Send the request body as application/json" });
        RELEASES_ERRORS.put("500", new String[] { "InternalServerError", "Internal server error" });
        RELEASES_ERRORS.put("503", new String[] { "ServiceUnavailable", "The database is unavailable; retry later" });
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ENVELOPE, envelopeSchema());
        components.addSchema(RELEASES_ERROR, releasesErrorSchema());
        COLLECTIONS_ERRORS.forEach((status, code) -> components.addResponse("Collections" + status, response(code)));
        RELEASES_ERRORS.forEach((status, nameAndMessage) ->
                components.addResponse(nameAndMessage[0], releasesResponse(nameAndMessage[1])));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            documentConditions(operation);
            if (path.startsWith("/v1/music/") || path.startsWith("/admin/")) {
                COLLECTIONS_ERRORS.keySet().forEach(status -> addError(operation, status, "Collections" + status));
            } else if (path.startsWith("/releases")) {
                RELEASES_ERRORS.forEach((status, nameAndMessage) -> addError(operation, status, nameAndMessage[0]));
            }
        }));
    }

    /** 412 only where If-Match is honoured; ETag on the successes of every conditional operation. */
    private static void documentConditions(Operation operation) {
        boolean ifMatch = hasHeader(operation, IfMatch.HEADER);
        boolean ifNoneMatch = hasHeader(operation, "If-None-Match");
        if (ifNoneMatch) {
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the revision is still the one If-None-Match names. No body."));
        }
        if (ifMatch || ifNoneMatch) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") || status.equals("304")) {
                    response.addHeader("ETag", OASFactory.createHeader()
                            .description("The revision of the track list, quoted: `\"3\"`. Send it back in If-Match "
                                    + "or If-None-Match.")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).example("\"3\"")));
                }
            });
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equals(parameter.getName()));
    }

    private static void addError(Operation operation, String status, String responseName) {
        if (status.equals("412") && !hasHeader(operation, IfMatch.HEADER)) {
            return;
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + responseName));
        }
    }

    private static APIResponse releasesResponse(String message) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("status", "error");
        example.put("message", message);
        return OASFactory.createAPIResponse()
                .description(message)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + RELEASES_ERROR))
                                .example(example)));
    }

    private static Schema releasesErrorSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The error body of the Releases API; `errors` only on 400s about a field")
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.STRING).example("error"))
                .addProperty("message", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }

    private static APIResponse response(ErrorCode code) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("success", false);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("message", code.message());
        error.put("system_message", code == ErrorCode.AUTHENTICATION_REQUIRED
                ? "Missing or invalid authorization header" : "A specific reason");
        error.put("type", code.type());
        error.put("status", code.status());
        error.put("details", Map.of());
        error.put("trace_id", "req_abc123xyz");
        error.put("timestamp", "2026-06-28T10:30:00Z");
        example.put("error", error);
        return OASFactory.createAPIResponse()
                .description(code.message())
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + ENVELOPE))
                                .example(example)));
    }

    private static Schema envelopeSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", string)
                .addProperty("message", string)
                .addProperty("system_message", string)
                .addProperty("type", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("details", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                .addProperty("trace_id", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Equals the X-Request-Id response header"))
                .addProperty("timestamp", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The error envelope of the Collections API and /admin")
                .addProperty("success", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                .addProperty("error", error);
    }
}
