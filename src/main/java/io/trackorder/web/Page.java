package io.trackorder.web;

import java.util.List;

/** A page of a list: {@code {items, limit, offset}}. */
public record Page<T>(List<T> items, int limit, int offset) {

    public static <T> Page<T> of(List<T> items, PageRequest page) {
        return new Page<>(items, page.limit(), page.offset());
    }
}
