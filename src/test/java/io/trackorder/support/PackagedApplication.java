package io.trackorder.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.restassured.RestAssured;

/**
 * For plain JUnit integration tests: the packaged application as a child process on its own
 * database, its output in {@code target/failsafe-reports/<test>-service.log}, and rest-assured
 * pointed at it until {@link #close}.
 */
public final class PackagedApplication implements AutoCloseable {

    public final ServiceDatabase database;
    public final ServiceProcess service;

    private PackagedApplication(ServiceDatabase database, ServiceProcess service) {
        this.database = database;
        this.service = service;
    }

    public static PackagedApplication start(String testName, List<String> jvmOptions) throws Exception {
        ServiceDatabase database = ServiceDatabase.fromEnvironmentOrEmbedded();
        try {
            Path log = Files.createDirectories(Path.of("target", "failsafe-reports")).resolve(testName + "-service.log");
            ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR, jvmOptions, database, Api.ADMIN_TOKEN, log);
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = service.port;
            return new PackagedApplication(database, service);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        RestAssured.reset();
        try {
            service.close();
        } finally {
            database.close();
        }
    }
}
