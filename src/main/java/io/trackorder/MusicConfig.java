package io.trackorder;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Operator settings under {@code music.*}. */
@ConfigMapping(prefix = "music")
public interface MusicConfig {

    Admin admin();

    Database database();

    History history();

    Events events();

    /** A fixed API key created at start-up, for trying the API in dev mode only. */
    Optional<DevApiKey> devApiKey();

    interface Admin {
        /** The {@code X-Admin-Token} for {@code /admin}; when unset every admin call is refused. */
        Optional<String> token();

        /** The token unless it is blank, which opens nothing either. */
        default Optional<String> configuredToken() {
            return token().filter(token -> !token.isBlank());
        }
    }

    interface Database {
        /**
         * The longest a request waits for the database, all its database calls together, before
         * it is answered 503: connecting, waiting for a pooled connection, and every statement.
         */
        @WithDefault("5s")
        Duration timeout();

        /**
         * What stands between the service and PostgreSQL on the reactive URL: {@code none}, or
         * {@code transaction} for a pooler in transaction mode (PgBouncer's {@code pool_mode=transaction}),
         * where consecutive transactions of one client connection may run on different server sessions.
         */
        @WithDefault("none")
        Pooler pooler();

        /**
         * A URL that reaches PostgreSQL itself, for the connection that listens for API key revocations:
         * LISTEN needs a session of its own, which a transaction pooler does not keep. When unset, the
         * listener uses the reactive URL, unless {@link #pooler()} is {@code transaction}.
         */
        Optional<String> listenUrl();

        enum Pooler {
            NONE,
            TRANSACTION
        }
    }

    interface History {
        /**
         * How many entries of each list's order history are kept, newest first; each change
         * prunes those beyond it.
         */
        @WithDefault("100")
        @WithConverter(AtLeastOne.class)
        int retain();
    }

    interface Events {
        /**
         * Whether this instance runs the outbox relay's timer. Off where instances are frozen
         * between requests (AWS Lambda): a pass would stall mid-transaction; another deployment
         * relays instead.
         */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the outbox relay looks for pending change events. */
        @WithDefault("1s")
        Duration relayInterval();

        /** The most lists, and the most events of each list, that one relay pass publishes. */
        @WithDefault("100")
        @WithConverter(AtLeastOne.class)
        int batchSize();

        /** How long published events stay in the outbox before they are deleted. */
        @WithDefault("PT24H")
        Duration retainSent();
    }

    interface DevApiKey {
        String key();

        String organizationId();

        String userId();
    }
}
