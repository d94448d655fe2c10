package io.trackorder.ordering;

/**
 * Spotify's range move, in zero-based positions of the current order: the {@code length} members
 * from {@code start} move, keeping their relative order, to just before the member at
 * {@code insertBefore} (the list's length: the end).
 */
public record RangeMove(int start, int length, int insertBefore) {
}
