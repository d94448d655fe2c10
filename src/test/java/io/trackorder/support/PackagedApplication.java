package io.trackorder.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * For plain JUnit integration tests, as a {@code @RegisterExtension static} field: the packaged
 * application as a child process on its own database, its output in
 * {@code target/failsafe-reports/<test class>-service.log}, and rest-assured pointed at it for the
 * test class.
 */
public final class PackagedApplication implements BeforeAllCallback, AfterAllCallback {

    private final List<String> jvmOptions;
    private ServiceDatabase database;
    private ServiceProcess service;

    public PackagedApplication(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    public ServiceDatabase database() {
        return database;
    }

    public ServiceProcess service() {
        return service;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = ServiceDatabase.fromEnvironmentOrEmbedded();
        Path log = Files.createDirectories(Path.of("target", "failsafe-reports"))
                .resolve(context.getRequiredTestClass().getSimpleName() + "-service.log");
        service = ServiceProcess.start(ServiceProcess.JAR, jvmOptions, database, Api.ADMIN_TOKEN, log);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = service.port;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        RestAssured.reset();
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
