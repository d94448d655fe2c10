package io.trackorder.releases;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.trackorder.support.PackagedServiceResource;

/** {@link ReleaseErrorFormatTest} against the packaged application: the jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class ReleaseErrorFormatIT extends ReleaseErrorFormatTest {

    @Override
    @Test
    @Disabled("Its endpoint, errors.FailingResource, is test code: the packaged application does not have it")
    void anInternalFailureIs500WithoutInternals() {
    }
}
