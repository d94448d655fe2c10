package io.trackorder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.trackorder.support.PackagedServiceResource;

/**
 * {@link HealthTest} against the packaged application, as production configures it: health and metrics on the management port.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class HealthIT extends HealthTest {
}
