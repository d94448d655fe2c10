package io.trackorder.support;

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
 * The PostgreSQL that a packaged service ({@link ServiceProcess}) runs against: an external server,
 * or an embedded one with PostgreSQL's default durability settings, stopped on {@link #close()}.
 */
public final class ServiceDatabase implements AutoCloseable {

    public final String host;
    public final int port;
    public final String database;
    public final String user;
    public final String password;
    public final String description;
    private final EmbeddedPostgres embedded;

    private ServiceDatabase(String host, int port, String database, String user, String password, String description,
            EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
    }

    public static ServiceDatabase embedded() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .start();
        return new ServiceDatabase("127.0.0.1", postgres.getPort(), "postgres", "postgres", "", "embedded", postgres);
    }

    /** The server of a {@code postgresql://user:password@host:port/database} URL. */
    public static ServiceDatabase at(URI url) {
        String userInfo = url.getRawUserInfo() == null ? "postgres" : url.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return external(url, user, password);
    }

    /**
     * The server that {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and {@code _PASSWORD}
     * name (CI's second pass), or else an embedded one: the same choice the test suite makes.
     */
    public static ServiceDatabase fromEnvironmentOrEmbedded() throws IOException {
        String jdbcUrl = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return embedded();
        }
        return external(URI.create(jdbcUrl.substring("jdbc:".length())),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
    }

    private static ServiceDatabase external(URI url, String user, String password) {
        int port = url.getPort() < 0 ? 5432 : url.getPort();
        return new ServiceDatabase(url.getHost(), port, url.getPath().substring(1), user, password,
                "external (" + url.getHost() + ":" + port + ")", null);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** Another database on the same server; the caller creates and drops it. */
    public ServiceDatabase database(String name) {
        return new ServiceDatabase(host, port, name, user, password, description, null);
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Connection parameters for libpq programs (pgbench), as environment variables. */
    public Map<String, String> libpqEnvironment() {
        return Map.of("PGHOST", host, "PGPORT", String.valueOf(port), "PGDATABASE", database,
                "PGUSER", user, "PGPASSWORD", password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
