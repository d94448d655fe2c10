package io.trackorder.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.trackorder.support.PackagedServiceResource;

/** {@link OpenApiTest} against the packaged application: the jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class OpenApiIT extends OpenApiTest {

    /** CI lints the document that the build writes; it must be the one the application serves. */
    @Test
    void theDocumentTheBuildWritesIsTheOneServed() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(Path.of("target", "openapi", "openapi.json").toFile()),
                json.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
    }
}
