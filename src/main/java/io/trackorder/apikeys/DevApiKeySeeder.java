package io.trackorder.apikeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.trackorder.MusicConfig;

/** Creates the documented dev API key when {@code music.dev-api-key.*} is configured (dev profile only). */
@ApplicationScoped
public class DevApiKeySeeder {

    static final String ID = "akid_dev";

    void create(@Observes StartupEvent start, MusicConfig config, ApiKeyService apiKeys) throws Throwable {
        if (config.devApiKey().isEmpty()) {
            return;
        }
        MusicConfig.DevApiKey dev = config.devApiKey().get();
        NewApiKey owner = new NewApiKey(dev.organizationId(), dev.userId(), "dev key");
        VertxContextSupport.subscribeAndAwait(() -> apiKeys.ensure(ID, owner, dev.key()));
    }
}
