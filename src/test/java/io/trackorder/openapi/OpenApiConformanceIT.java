package io.trackorder.openapi;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.trackorder.support.PackagedServiceResource;

/** {@link OpenApiConformanceTest} against the packaged application: the *IT classes' calls are checked too. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class OpenApiConformanceIT extends OpenApiConformanceTest {
}
