package io.trackorder.errors;

import java.util.stream.Stream;

import io.smallrye.mutiny.CompositeException;

/** Walks a failure's cause chain, which is how the mappers tell one kind of failure from another. */
public final class Causes {

    private Causes() {
    }

    /** The error and its causes, outermost first, including every failure a Mutiny CompositeException gathered. */
    public static Stream<Throwable> of(Throwable error) {
        if (error == null) {
            return Stream.empty();
        }
        Stream<Throwable> inner = error instanceof CompositeException composite ? composite.getCauses().stream()
                : Stream.ofNullable(error.getCause());
        return Stream.concat(Stream.of(error), inner.filter(cause -> cause != error).flatMap(Causes::of));
    }

    public static boolean include(Throwable error, Class<? extends Throwable> kind) {
        return of(error).anyMatch(kind::isInstance);
    }
}
