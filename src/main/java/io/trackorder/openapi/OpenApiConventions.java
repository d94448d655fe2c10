package io.trackorder.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.trackorder.conditional.IfMatch;
import io.trackorder.web.RequestIds;
import io.trackorder.web.Surface;

/**
 * What every operation of the OpenAPI document shares, added here once instead of on each
 * endpoint: the error responses of its surface (declared in {@code META-INF/openapi.yaml}: the
 * envelope on the Collections API and {@code /admin}, Royalti's {@code {status, message}}
 * responses on the Releases API), the {@code X-Request-Id} header of every response, and the
 * conditional requests: {@code If-None-Match} and 304 on every read, 412 where {@code If-Match} is
 * taken, and the {@code ETag} of their answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD) // at build time: not redone at every start
public class OpenApiConventions implements OASFilter {

    private static final String IF_NONE_MATCH = "If-None-Match";
    private static final String IF_NONE_MATCH_DESCRIPTION = """
            Optional. The `ETag` of an earlier response of this `GET`: while the representation is still byte for \
            byte the one that tag was issued for, the answer is 304 Not Modified without a body (weak comparison; \
            `*` matches any).""";
    private static final String IF_MATCH_DESCRIPTION = """
            Optional. The `ETag` of an earlier response about the resource this request changes (e.g. `"3"` for a \
            collection's track list, `"3.1"` for a collection or a release): the change is made only if the \
            resource still has that tag, else 412 and nothing is written. Several tags: any of them. Weak tags \
            never match. Absent or `*`: unconditional.""";
    private static final String ETAG = "ETag";
    /** Answered by the HTTP layer before the request reaches the service: no X-Request-Id, no body. */
    private static final Map<String, String> BEFORE_ROUTING = Map.of(
            "414", "UriTooLong",
            "431", "RequestHeaderFieldsTooLarge");
    /** Status → response name; 412 only where If-Match is taken. */
    private static final Map<String, String> COLLECTIONS_ERRORS = withBeforeRouting(Stream
            .of("400", "401", "403", "404", "406", "412", "413", "415", "422", "500", "503")
            .collect(Collectors.toMap(status -> status, status -> "Collections" + status)));
    private static final Map<String, String> RELEASES_ERRORS = withBeforeRouting(Map.of(
            "400", "BadRequest",
            "401", "Unauthorized",
            "403", "Forbidden",
            "404", "NotFound",
            "406", "NotAcceptable",
            "412", "PreconditionFailed",
            "413", "PayloadTooLarge",
            "415", "UnsupportedMediaType",
            "500", "InternalServerError",
            "503", "ServiceUnavailable"));

    private static Map<String, String> withBeforeRouting(Map<String, String> errors) {
        Map<String, String> all = new TreeMap<>(errors);
        all.putAll(BEFORE_ROUTING);
        return all;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            documentConditions(method, operation);
            Map<String, String> errors = Surface.ofPath(path) == Surface.RELEASES ? RELEASES_ERRORS : COLLECTIONS_ERRORS;
            errors.forEach((status, name) -> {
                if (!operation.getResponses().hasAPIResponse(status)
                        && (!status.equals("412") || takesHeader(operation, IfMatch.HEADER))) {
                    operation.getResponses().addAPIResponse(status,
                            OASFactory.createAPIResponse().ref("#/components/responses/" + name));
                }
            });
        }));
        Stream.concat(
                openAPI.getComponents().getResponses().entrySet().stream()
                        .filter(named -> !BEFORE_ROUTING.containsValue(named.getKey())).map(Map.Entry::getValue),
                openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(item -> item.getOperations().values().stream())
                        .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                        .filter(response -> response.getRef() == null))
                .forEach(response -> response.addHeader(RequestIds.HEADER, header(RequestIds.HEADER)));
    }

    /**
     * Every read takes If-None-Match and may answer 304 (each carries a strong ETag); the successes of
     * a read, and of a change that takes If-Match, carry the ETag. A DELETE of a collection or release
     * leaves nothing to tag; the DELETEs of a member declare their list's ETag in openapi.yaml. The
     * resources only declare the two headers; what they mean is written once, here.
     */
    private static void documentConditions(PathItem.HttpMethod method, Operation operation) {
        boolean read = method == PathItem.HttpMethod.GET;
        if (read && !takesHeader(operation, IF_NONE_MATCH)) {
            operation.addParameter(OASFactory.createParameter().name(IF_NONE_MATCH).in(Parameter.In.HEADER)
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        }
        describeHeader(operation, IF_NONE_MATCH, IF_NONE_MATCH_DESCRIPTION);
        describeHeader(operation, IfMatch.HEADER, IF_MATCH_DESCRIPTION);
        if (read) {
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the ETag is still the one If-None-Match names. No body."));
        }
        if (read || (takesHeader(operation, IfMatch.HEADER) && method != PathItem.HttpMethod.DELETE)) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") || status.equals("304")) {
                    response.addHeader(ETAG, header(ETAG));
                }
            });
        }
    }

    private static void describeHeader(Operation operation, String name, String description) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equals(parameter.getName())
                            && parameter.getDescription() == null)
                    .forEach(parameter -> parameter.setDescription(description));
        }
    }

    private static boolean takesHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equals(parameter.getName()));
    }

    private static Header header(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }
}
