package io.trackorder.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the packaged service needs to start under {@code @QuarkusIntegrationTest}: it runs with the
 * production profile, so none of the {@code %test} settings apply and there is no embedded database.
 * This resource supplies a PostgreSQL (the one {@code QUARKUS_DATASOURCE_*} names, as in CI's
 * second pass, or else an embedded one), the admin token that {@link Api} sends, and the test key
 * pair's public key and issuer that {@link Releases} signs tokens with, and a free port for the
 * management interface (production's 9000 would collide with any other run on the machine). Quarkus
 * passes the returned settings to the jar or native executable as system properties, and the test
 * side finds the management port under {@code quarkus.management.test-port} ({@link Management}).
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    private static final Path JWT_PUBLIC_KEY = Path.of("src", "test", "resources", "test-jwt", "public.pem");

    private ServiceDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = ServiceDatabase.fromEnvironmentOrEmbedded();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the database for the packaged service", e);
        }
        String managementPort = String.valueOf(freePort());
        return Map.ofEntries(
                Map.entry("quarkus.management.port", managementPort),
                Map.entry("quarkus.management.test-port", managementPort),
                Map.entry("quarkus.datasource.reactive.url", database.reactiveUrl()),
                Map.entry("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                Map.entry("quarkus.datasource.username", database.user),
                Map.entry("quarkus.datasource.password", database.password),
                Map.entry("music.admin.token", Api.ADMIN_TOKEN),
                Map.entry("mp.jwt.verify.publickey.location", JWT_PUBLIC_KEY.toAbsolutePath().toUri().toString()),
                Map.entry("mp.jwt.verify.issuer", Releases.ISSUER),
                // Production waits 5 s on SIGTERM for load balancers (GracefulShutdownIT covers it);
                // here it would only slow down stopping the service after the tests.
                Map.entry("quarkus.shutdown.delay", "0s"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
