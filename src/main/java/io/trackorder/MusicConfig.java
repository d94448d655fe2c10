package io.trackorder;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Operator settings under {@code music.*}. */
@ConfigMapping(prefix = "music")
public interface MusicConfig {

    Admin admin();

    /** A fixed API key created at start-up, for trying the API in dev mode only. */
    Optional<DevApiKey> devApiKey();

    interface Admin {
        /** The {@code X-Admin-Token} for {@code /admin}; when unset every admin call is refused. */
        Optional<String> token();
    }

    interface DevApiKey {
        String key();

        String organizationId();

        String userId();
    }
}
