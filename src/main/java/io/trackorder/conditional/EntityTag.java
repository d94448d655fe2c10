package io.trackorder.conditional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A strong entity tag (RFC 9110 §8.8.3): equal tags promise byte-for-byte equal representations.
 * {@code opaque} is the tag without its quotes; {@link #header()} is what the {@code ETag} header carries.
 */
public record EntityTag(String opaque) {

    /** 128 bits of the digest: collisions stay out of reach, and the tag stays short. */
    private static final int DIGEST_BYTES = 16;

    /**
     * The tag of a track list that is fully determined by its revision (a collection's member page):
     * {@code "<revision>"}.
     */
    public static EntityTag ofList(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /**
     * The tag of a collection or release: {@code "<revision>.<changes>"}, where {@code changes}
     * counts the changes that do not touch the track list. The dot keeps it from ever equalling a
     * list's tag.
     */
    public static EntityTag ofObject(long revision, long changes) {
        return new EntityTag(revision + "." + changes);
    }

    /** The tag of a representation that has no version of its own: a digest of its exact bytes. */
    public static EntityTag ofBytes(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, DIGEST_BYTES)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public String header() {
        return "\"" + opaque + "\"";
    }
}
