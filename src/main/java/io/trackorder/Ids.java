package io.trackorder;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

/** Random identifiers: a prefix plus lowercase hex, e.g. {@code mtrack_1b9c4e7f2a6d0c3e}. */
@ApplicationScoped
public class Ids {

    /** The longest id a client may send: no id this service issues is longer, so a longer one names nothing. */
    public static final int MAX_LENGTH = 128;

    private final SecureRandom random = new SecureRandom();

    /**
     * Whether the text can be an id at all: at most {@link #MAX_LENGTH} characters and no NUL, which
     * PostgreSQL text cannot hold (the database would refuse the question rather than find nothing).
     * Anything else names nothing, exactly like an id that does not exist.
     */
    public static boolean canExist(String id) {
        return id != null && id.length() <= MAX_LENGTH && id.indexOf('\0') < 0;
    }

    /** A new id: the prefix and 16 hex characters. */
    public String next(String prefix) {
        return prefix + hex(8);
    }

    public String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
