package io.trackorder.web;

import java.net.ConnectException;

import io.vertx.sqlclient.ClosedConnectionException;

/** Tells a database that cannot be reached from a bug, so the first becomes 503 and only the second 500. */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
