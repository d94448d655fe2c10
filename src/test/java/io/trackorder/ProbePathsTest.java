package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.KubernetesManifests;
import io.trackorder.support.KubernetesManifests.Kustomization;
import io.trackorder.support.Management;

/**
 * The Deployment's probes ask the application's own health endpoints: the paths in
 * src/main/kubernetes/deployment.yaml are answered by the running service's management interface
 * as health documents (and are unknown on the public port), readiness includes the database and
 * liveness does not (a database outage must not restart pods).
 */
@QuarkusTest
class ProbePathsTest {

    private static final String DATABASE_CHECK = "Reactive PostgreSQL connections health check";

    @Test
    void theReadinessProbeIsTheReadinessCheckWithTheDatabase() {
        health("readinessProbe").body("checks.name", hasItem(DATABASE_CHECK));
    }

    @Test
    void theLivenessProbeIsALivenessCheckWithoutTheDatabase() {
        health("livenessProbe").body("checks.name", not(hasItem(DATABASE_CHECK)));
    }

    @Test
    void theStartupProbeIsAStartupCheckWithoutTheDatabase() {
        health("startupProbe").body("checks.name", not(hasItem(DATABASE_CHECK)));
    }

    /** The probe's path, answered 200 with a SmallRye Health document that is UP on the management port only. */
    private static ValidatableResponse health(String probe) {
        String path = KubernetesManifests.fromResourceFiles(Kustomization.BASE).container().path(probe).path("httpGet")
                .path("path").asText();
        given().get(path).then().statusCode(404);
        return Management.request().get(path).then().statusCode(200).contentType("application/json")
                .body("status", equalTo("UP")).body("checks", notNullValue());
    }
}
