package io.trackorder.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.trackorder.Ids;

/** Makes and checks secrets: API keys, their hashes, and constant-time comparison. */
@ApplicationScoped
public class Secrets {

    private static final Pattern API_KEY = Pattern.compile("ak_[0-9a-f]{40}");
    private final Ids ids;

    public Secrets(Ids ids) {
        this.ids = ids;
    }

    public String newApiKey() {
        return "ak_" + ids.hex(20);
    }

    public boolean isWellFormedApiKey(String key) {
        return key != null && API_KEY.matcher(key).matches();
    }

    /** Keys carry 160 random bits, so a fast hash is enough: nobody can brute-force the preimage. */
    public byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Compares without leaking where the first difference is; hashing first hides the length too. */
    public boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(expected), hash(given));
    }
}
