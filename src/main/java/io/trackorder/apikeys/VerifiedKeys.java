package io.trackorder.apikeys;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * API keys recently found valid in the database, so that a caller's next requests skip the lookup.
 * Kept by the key's SHA-256, never the key; for {@link #TTL} at most, {@link #CAPACITY} of them, the
 * least recently used going first. Only valid keys are kept: an unknown key always goes to the
 * database, so guesses cannot fill the cache, and a newly issued key works at once.
 * <p>
 * The cache is in use only while {@link RevocationListener} listens for revocations, which evict
 * at once. Whenever the listener loses its connection the cache is emptied and every request goes
 * to the database, until the listener listens again.
 */
@ApplicationScoped
public class VerifiedKeys {

    static final int CAPACITY = 10_000;
    static final Duration TTL = Duration.ofSeconds(5);
    /** What {@link #generation()} returns while nothing may be kept. */
    private static final long NOT_LISTENING = -1;

    private record Entry(Caller caller, long expiresAt) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };
    /**
     * Moves on with every revocation and every change of the listener's state. A lookup that began
     * before one is not kept: the revocation may have come between its read and its keeping.
     */
    private long generation;
    private boolean listening;

    /** The caller of a key found valid less than {@link #TTL} ago, or null. */
    synchronized Caller get(byte[] keyHash) {
        if (!listening) {
            return null;
        }
        String key = HexFormat.of().formatHex(keyHash);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAt() >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.caller();
    }

    /** To take before looking a key up in the database, and to give to {@link #keep}. */
    synchronized long generation() {
        return listening ? generation : NOT_LISTENING;
    }

    /** Keeps a key found valid by a lookup that began at {@code lookedUpIn}, unless anything changed since. */
    synchronized void keep(byte[] keyHash, Caller caller, long lookedUpIn) {
        if (listening && lookedUpIn == generation) {
            entries.put(HexFormat.of().formatHex(keyHash), new Entry(caller, System.nanoTime() + TTL.toNanos()));
        }
    }

    /** A key that is no longer valid as it was, named by its hash in hex (a revocation notice). */
    synchronized void revoked(String keyHashHex) {
        generation++;
        entries.remove(keyHashHex);
    }

    /** A key revoked on this replica. */
    void revoked(byte[] keyHash) {
        revoked(HexFormat.of().formatHex(keyHash));
    }

    /** The listener now hears every revocation; what was kept before may have missed some. */
    synchronized void listening() {
        generation++;
        entries.clear();
        listening = true;
    }

    /** The listener may miss revocations from now on. */
    synchronized void notListening() {
        generation++;
        entries.clear();
        listening = false;
    }
}
