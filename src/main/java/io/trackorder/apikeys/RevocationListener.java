package io.trackorder.apikeys;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trackorder.MusicConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Listens on {@value #CHANNEL} (sent by the api_keys trigger when a key is revoked, deleted or changed) and
 * drops the key from {@link VerifiedKeys}. One connection of its own per replica, outside the pool,
 * with the datasource's credentials and {@code music.database.listen-url}, else the reactive URL.
 * Whenever that connection is lost the cache is off, and the listener reconnects, soon at first and
 * then at most every {@link #MAX_RETRY_MILLIS} ms.
 * <p>
 * Through a transaction pooler LISTEN would seem to work and hear nothing: the session it ran on goes
 * back to the pooler's pool. So behind one ({@code music.database.pooler=transaction}) the listener
 * needs the listen URL, and without it never starts: the cache stays off.
 */
@ApplicationScoped
public class RevocationListener {

    static final String CHANNEL = "api_key_revoked";
    /**
     * Its connection's name in the client metrics, as Quarkus spells the pool's: the meters' prefix,
     * then the {@code clientName} tag.
     */
    static final String METRICS_NAME = "postgresql|api-key-revocations";
    private static final Logger LOG = Logger.getLogger(RevocationListener.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;

    private final VerifiedKeys keys;
    /** Connection losses and failed reconnections since the listener last listened. */
    private final AtomicInteger failuresSinceListening = new AtomicInteger();
    private PgSubscriber subscriber;
    private volatile boolean stopped;

    public RevocationListener(VerifiedKeys keys) {
        this.keys = keys;
    }

    void start(@Observes StartupEvent start, Vertx vertx, MusicConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") List<String> urls,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        Optional<String> url = config.database().listenUrl()
                .or(() -> config.database().pooler() == MusicConfig.Database.Pooler.NONE
                        ? Optional.of(urls.get(0))
                        : Optional.empty());
        if (url.isEmpty()) {
            LOG.warnf("API keys are looked up on every request: behind a transaction pooler, listening on %s needs"
                    + " a direct connection; set MUSIC_DATABASE_LISTEN_URL=postgresql://HOST:5432/DATABASE", CHANNEL);
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get())
                .setConnectTimeout(Math.toIntExact(config.database().timeout().toMillis()));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        // Its own name in the client metrics: under the pool's it would collide with the pool's gauges.
        options.setMetricsName(METRICS_NAME);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(this::retryAfter);
        subscriber.channel(CHANNEL)
                .subscribeHandler(listening -> {
                    failuresSinceListening.set(0);
                    keys.listening();
                    LOG.infof("Listening on %s: verified API keys are cached", CHANNEL);
                })
                .handler(keys::revoked);
        connect(vertx, true);
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        keys.notListening();
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The first connection, retried until it is made; the subscriber itself reconnects once it has had one. */
    private void connect(Vertx vertx, boolean firstAttempt) {
        subscriber.connect().onFailure(failure -> {
            if (firstAttempt) {
                LOG.warnf("Cannot listen on %s (%s); API keys are looked up on every request until it can",
                        CHANNEL, failure.getMessage());
            }
            // A failed first connection leaves the subscriber open but unconnected, and connect() on
            // an open subscriber does nothing: closed, the next connect() connects again.
            subscriber.close();
            vertx.setTimer(MAX_RETRY_MILLIS, retry -> {
                if (!stopped) {
                    connect(vertx, false);
                }
            });
        });
    }

    /**
     * Called when the connection is lost ({@code attempt} 0) and after every failed reconnection.
     * The delay grows with every failure since the listener last listened, not with {@code attempt}:
     * a connection that opens and then fails to LISTEN starts the subscriber's count at 0 again.
     */
    private Long retryAfter(int attempt) {
        keys.notListening();
        int failures = failuresSinceListening.getAndIncrement();
        if (failures == 0) {
            LOG.warnf("Lost the connection listening on %s; API keys are looked up on every request until it is back",
                    CHANNEL);
        }
        return Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failures, 6));
    }
}
