package io.trackorder.support;

import java.util.List;

/** What an error body must never show: stack traces, class and package names, SQL, driver messages. */
public final class Internals {

    private static final List<String> MARKERS = List.of("Exception", "Caused by", "\tat ", "at io.", "at org.", "java.",
            "jakarta.", "org.hibernate", "io.vertx", "io.quarkus", "io.smallrye", "io.trackorder", "com.fasterxml", "jose4j",
            "SRJWT", "SELECT", "UPDATE ",
            "INSERT ", "SQLSTATE");

    private Internals() {
    }

    /** The markers of internals that the text shows; empty when it shows none. */
    public static List<String> in(String text) {
        return MARKERS.stream().filter(text::contains).toList();
    }
}
