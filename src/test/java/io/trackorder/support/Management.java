package io.trackorder.support;

import static io.restassured.RestAssured.given;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface of the application under test (health and metrics), which
 * listens on a port of its own: in tests any free one, which Quarkus publishes as
 * {@code test.management.url}.
 */
public final class Management {

    private Management() {
    }

    /**
     * A request to the management interface; give it the full path, such as {@code /q/health/ready}.
     * The management interface is not part of the API, so its answers are not checked against the
     * API's OpenAPI document (the only filter rest-assured would apply).
     */
    public static RequestSpecification request() {
        return given().noFilters().baseUri(baseUri()).port(port());
    }

    public static int port() {
        return url().getPort();
    }

    private static String baseUri() {
        return url().getScheme() + "://" + url().getHost();
    }

    private static URI url() {
        return URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
    }
}
