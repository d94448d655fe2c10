package io.trackorder.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL that the service and pgbench both run against: the server named by
 * {@code BENCH_DATABASE_URL} ({@code postgresql://user:password@host:port/database}), or else an
 * embedded one with PostgreSQL's default durability settings.
 */
final class BenchDatabase implements AutoCloseable {

    final String host;
    final int port;
    final String database;
    final String user;
    final String password;
    final String description;
    private final EmbeddedPostgres embedded;

    private BenchDatabase(String host, int port, String database, String user, String password, String description,
            EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
    }

    static BenchDatabase open() throws IOException {
        String url = System.getenv("BENCH_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return external(URI.create(url));
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .start();
        return new BenchDatabase("127.0.0.1", postgres.getPort(), "postgres", "postgres", "", "embedded", postgres);
    }

    private static BenchDatabase external(URI uri) {
        String userInfo = uri.getRawUserInfo() == null ? "postgres" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new BenchDatabase(uri.getHost(), port, uri.getPath().substring(1), user, password,
                "external (" + uri.getHost() + ":" + port + ")", null);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Connection parameters for libpq programs (pgbench), as environment variables. */
    Map<String, String> libpqEnvironment() {
        return Map.of("PGHOST", host, "PGPORT", String.valueOf(port), "PGDATABASE", database,
                "PGUSER", user, "PGPASSWORD", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
