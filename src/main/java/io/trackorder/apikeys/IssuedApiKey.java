package io.trackorder.apikeys;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The one response that carries an API key in plain text. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssuedApiKey(String id, String apiKey, String organizationId, String userId, String name,
        Instant createdAt) {

    static IssuedApiKey of(ApiKey key, String plaintext) {
        return new IssuedApiKey(key.id, plaintext, key.organizationId, key.userId, key.name, key.createdAt);
    }
}
