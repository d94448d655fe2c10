package io.trackorder.security;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether the Releases API can verify bearer tokens at all: without the identity provider's public
 * key every token is refused, and the service says so rather than leave operators guessing.
 */
@ApplicationScoped
public class VerificationKey {

    static final String HOW_TO_SET = "set MP_JWT_VERIFY_PUBLICKEY_LOCATION or MP_JWT_VERIFY_PUBLICKEY";
    private static final Logger LOG = Logger.getLogger(VerificationKey.class);

    private final boolean configured;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    VerificationKey(@ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        configured = key.isPresent() || location.isPresent();
    }

    boolean configured() {
        return configured;
    }

    /** A Releases API request was answered 401: logged the first time only, and only while there is no key. */
    void refused() {
        if (!configured && refusalLogged.compareAndSet(false, true)) {
            LOG.warn("Answered a Releases API request 401 because no JWT public key is configured (logged once): "
                    + HOW_TO_SET);
        }
    }
}
