package io.trackorder.database;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.trackorder.MusicConfig;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;

/**
 * Creates the reactive pool with every wait bounded by {@code music.database.timeout}. Quarkus'
 * datasource settings leave the driver's defaults in place: 60 s to connect to a host that does not
 * answer, 30 s waiting for a pooled connection, and no limit on a statement (or its lock waits).
 * <p>
 * The statement and idle-in-transaction limits are server settings sent when connecting, so that
 * the server itself ends work nobody waits for any more and frees its locks. The statement limit
 * (which includes the statement's lock waits) is a fifth shorter than the request's: a lock wait or
 * a long statement is then ended by a healthy database, which says so (the resource is busy),
 * before the request's own deadline would end it without knowing why (the database may be gone).
 * A setting the operator gave in {@code quarkus.datasource.reactive.additional-properties} is kept.
 * <p>
 * Behind a transaction pooler ({@code music.database.pooler=transaction}) consecutive transactions
 * of one connection may run on different server sessions, and PgBouncer refuses every startup
 * parameter it does not know. So there each statement is parsed again, unnamed, in the same protocol
 * exchange as its execution (the driver's layer-7 proxy mode), no statement is cached on a server
 * session, and the driver sends no startup parameter PgBouncer would refuse: the two limits then
 * come from the database role ({@code ALTER ROLE … SET}, src/site/markdown/deployment.md), and
 * {@code extra_float_digits} keeps the server's default, which since PostgreSQL 12 prints the
 * shortest exact form as the driver's 2 does.
 */
@Singleton
public class BoundedDatabasePool implements PgPoolCreator {

    private final int timeoutMillis;
    private final int statementMillis;
    private final boolean transactionPooler;

    public BoundedDatabasePool(MusicConfig config) {
        this.timeoutMillis = Math.toIntExact(config.database().timeout().toMillis());
        this.statementMillis = Math.max(1, timeoutMillis * 4 / 5);
        this.transactionPooler = config.database().pooler() == MusicConfig.Database.Pooler.TRANSACTION;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts what this returns to PgPool: PgBuilder's pool is not one.
    public Pool create(Input input) {
        input.poolOptions().setConnectionTimeout(timeoutMillis).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout(timeoutMillis);
            if (transactionPooler) {
                options.setUseLayer7Proxy(true).setCachePreparedStatements(false);
                options.getProperties().remove("extra_float_digits");
            } else {
                options.getProperties().putIfAbsent("statement_timeout", String.valueOf(statementMillis));
                options.getProperties().putIfAbsent("idle_in_transaction_session_timeout", String.valueOf(timeoutMillis));
            }
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
