package io.trackorder.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.atlassian.oai.validator.schema.SchemaValidator;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeTestExecutionCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Checks every request that a test sends with rest-assured, and its answer, against the OpenAPI
 * document that the service under test serves at {@code /q/openapi}:
 * <ul>
 * <li>a request the document describes: the response must match the document (status, headers,
 * body schema);</li>
 * <li>a request the document calls invalid (a bad parameter, body, media type, missing
 * credentials): the answer must be a 4xx that the document lists for the operation, and match it;</li>
 * <li>a request to a path or method the document does not have (unknown routes, dot segments,
 * HEAD, OPTIONS, test-only endpoints): nothing to match it against, so a body, if any, must be an
 * error in one of the API's two formats.</li>
 * </ul>
 * Only Quarkus' own endpoints under {@code /q/} (the document itself, Swagger UI, health, metrics)
 * are not checked: they are not part of the API the document describes.
 * <p>
 * Installed as a global rest-assured filter before every test method, from two hooks registered in
 * {@code META-INF/services}: a {@code @QuarkusTest} runs in Quarkus' class loader with its own copy
 * of rest-assured, which only a Quarkus test callback reaches; every other test class
 * ({@code @QuarkusIntegrationTest}, the plain JUnit ITs) uses the JVM's copy, reached by a JUnit
 * extension that JUnit registers for every test (extension autodetection, which quarkus-junit's
 * {@code junit-platform.properties} turns on). For a {@code @QuarkusTest} the document is read and
 * its schemas compiled before the test method runs, so that this one-time cost never counts toward
 * a time a test measures; elsewhere on first use.
 */
public final class OpenApiConformance implements Filter, BeforeEachCallback, QuarkusTestBeforeEachCallback,
        QuarkusTestBeforeTestExecutionCallback {

    private static final Set<String> UNMATCHED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final List<String> ERROR_FORMATS = List.of("ErrorEnvelope", "ReleasesError");
    private static final OpenApiConformance FILTER = new OpenApiConformance();
    /** The served documents, by origin: each application under test serves its own. */
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    private static void addFilter() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        addFilter();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        addFilter(); // before the test's own @BeforeEach methods, which may call the service already
    }

    @Override
    public void beforeTestExecution(QuarkusTestMethodContext context) {
        documentOf(RestAssured.baseURI, RestAssured.port); // rest-assured points at the application from here on
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expectations,
            FilterContext next) {
        // rest-assured adds an oauth2() token after the filters: send it as the header it becomes, so
        // that the check sees the request as it goes out.
        if (request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth2) {
            request.auth().none();
            request.header("Authorization", "Bearer " + oauth2.getAccessToken());
        }
        Response response = next.next(request, expectations);
        URI uri = URI.create(request.getURI());
        if (!uri.getRawPath().startsWith("/q/")) {
            documentOf(uri.getScheme() + "://" + uri.getHost(), uri.getPort()).check(RestAssuredRequest.of(request),
                    response);
        }
        return response;
    }

    private static Document documentOf(String baseUri, int port) {
        URI base = URI.create(baseUri);
        return DOCUMENTS.computeIfAbsent(base.getScheme() + "://" + base.getHost() + ":" + port, Document::fetch);
    }

    /**
     * The validator adds {@code additionalProperties: false} to every object schema that does not
     * say otherwise. Responses are held to that: every field the service sends must be documented.
     * Requests are judged by the document as written, where an unnamed field is allowed (the
     * Releases API ignores them; where a field is refused, the schema says so).
     */
    private record Document(OpenApiInteractionValidator requests, OpenApiInteractionValidator responses,
            SchemaValidator schemas, OpenAPI api) {

        static Document fetch(String origin) {
            String json;
            try {
                HttpResponse<String> served = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (served.statusCode() != 200) {
                    throw new IllegalStateException("GET " + origin + "/q/openapi answered " + served.statusCode());
                }
                json = served.body();
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the OpenAPI document of " + origin, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            OpenAPI api = new OpenAPIV3Parser().readContents(json, null, options).getOpenAPI();
            LevelResolver asWritten = LevelResolver.create()
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build();
            Document document = new Document(OpenApiInteractionValidator.createFor(api).withLevelResolver(asWritten).build(),
                    OpenApiInteractionValidator.createFor(api).build(), new SchemaValidator(api, new MessageResolver()), api);
            document.compileSchemas();
            return document;
        }

        /** The validator compiles a schema when it first needs it, which takes seconds on a busy machine. */
        private void compileSchemas() {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String anyPath = path.replaceAll("\\{[^}]+}", "x");
                operation.getResponses().keySet().forEach(status -> responses.validateResponse(anyPath,
                        Request.Method.valueOf(method.name()), SimpleResponse.Builder.status(Integer.parseInt(status))
                                .withContentType("application/json").withBody("{}").build()));
            }));
            ERROR_FORMATS.forEach(format -> schemas.validate("{}", api.getComponents().getSchemas().get(format), "error"));
        }

        void check(Request request, Response response) {
            ValidationReport requestReport = requests.validateRequest(request);
            String exchange = request.getMethod() + " " + request.getPath() + " → " + response.statusCode();
            if (requestReport.getMessages().stream().anyMatch(message -> UNMATCHED.contains(message.getKey()))) {
                checkUnmatched(exchange, response);
                return;
            }
            ValidationReport responseReport = responses.validateResponse(request.getPath(), request.getMethod(),
                    RestAssuredResponse.of(response));
            if (responseReport.hasErrors()) {
                throw new AssertionError("The response does not match the OpenAPI document: " + exchange
                        + describe(responseReport) + (requestReport.hasErrors()
                                ? "\n(the request did not match it either:" + describe(requestReport) + ")"
                                : "")
                        + "\n" + response.asString());
            }
            if (requestReport.hasErrors() && response.statusCode() / 100 != 4) {
                throw new AssertionError("A request the OpenAPI document calls invalid was not refused with a 4xx: "
                        + exchange + describe(requestReport));
            }
        }

        /** An unknown path or method: no operation to check against, but any body must be an error of the API. */
        private void checkUnmatched(String exchange, Response response) {
            String body = response.asString();
            if (body.isEmpty()) {
                return;
            }
            boolean anError = ERROR_FORMATS.stream().anyMatch(format -> !schemas
                    .validate(body, api.getComponents().getSchemas().get(format), "error").hasErrors());
            if (response.statusCode() < 400 || !anError) {
                throw new AssertionError("A request outside the OpenAPI document must get an error in one of the "
                        + "API's formats (" + String.join(", ", ERROR_FORMATS) + "): " + exchange + "\n" + body);
            }
        }

        private static String describe(ValidationReport report) {
            return describe(report.getMessages(), "\n  - ");
        }

        private static String describe(List<ValidationReport.Message> messages, String indent) {
            return messages.stream().map(message -> indent + message.getKey() + ": " + message.getMessage()
                    + describe(message.getNestedMessages(), "  " + indent)).collect(Collectors.joining());
        }
    }
}
