package io.trackorder.releases;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The success bodies of the Releases API: {@code {success: true, message?, data?}}. */
public final class Replies {

    private Replies() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reply<T>(boolean success, String message, T data) {
    }

    public record ReleasePage(List<ReleaseView> releases, Pagination pagination) {
    }

    public record Pagination(int page, int limit, long total, long totalPages) {
    }

    public static <T> Reply<T> data(T data) {
        return new Reply<>(true, null, data);
    }

    public static <T> Reply<T> done(String message, T data) {
        return new Reply<>(true, message, data);
    }

    public static Reply<Void> done(String message) {
        return new Reply<>(true, message, null);
    }

    /** Wraps a result in a success reply with a message. */
    public static <T> Function<T, Reply<T>> saying(String message) {
        return data -> done(message, data);
    }
}
