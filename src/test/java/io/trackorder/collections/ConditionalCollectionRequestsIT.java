package io.trackorder.collections;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.trackorder.support.PackagedServiceResource;

/**
 * {@link ConditionalCollectionRequestsTest} against the packaged application: the jar, or the native executable with
 * {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class ConditionalCollectionRequestsIT extends ConditionalCollectionRequestsTest {
}
