package io.trackorder.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.trackorder.MusicConfig;

/**
 * Says at start-up which features are off for want of a setting, one WARN line each that names the
 * variable turning it on: the service starts without them, and would otherwise only answer 401.
 */
@ApplicationScoped
public class MissingSettings {

    private static final Logger LOG = Logger.getLogger(MissingSettings.class);

    void report(@Observes StartupEvent start, MusicConfig config, VerificationKey verificationKey) {
        if (config.admin().configuredToken().isEmpty()) {
            LOG.warn("The /admin API is off, every call answers 401: set MUSIC_ADMIN_TOKEN to turn it on");
        }
        if (!verificationKey.configured()) {
            LOG.warn("The Releases API answers 401 to every request, no JWT public key is configured: "
                    + VerificationKey.HOW_TO_SET);
        }
    }
}
