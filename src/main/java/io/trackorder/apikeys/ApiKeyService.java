package io.trackorder.apikeys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.database.RunsToCompletion;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

@ApplicationScoped
@RunsToCompletion
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final Secrets secrets;
    private final Ids ids;
    private final VerifiedKeys verified;

    public ApiKeyService(ApiKeyRepository keys, Secrets secrets, Ids ids, VerifiedKeys verified) {
        this.keys = keys;
        this.secrets = secrets;
        this.ids = ids;
        this.verified = verified;
    }

    /** Issues a new key; the returned plaintext exists nowhere else. */
    @WithTransaction
    public Uni<IssuedApiKey> issue(NewApiKey request) {
        String plaintext = secrets.newApiKey();
        return store(ids.next("akid_"), request, plaintext);
    }

    /** Makes sure a known key exists, for the documented dev key. */
    @WithTransaction
    public Uni<Void> ensure(String id, NewApiKey request, String plaintext) {
        return keys.findById(id).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : store(id, request, plaintext).replaceWithVoid());
    }

    private Uni<IssuedApiKey> store(String id, NewApiKey request, String plaintext) {
        ApiKey key = new ApiKey();
        key.id = id;
        key.organizationId = request.organizationId();
        key.userId = request.userId();
        key.name = request.name();
        key.keyHash = secrets.hash(plaintext);
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return keys.persist(key).map(saved -> IssuedApiKey.of(saved, plaintext));
    }

    /**
     * Revokes a key (again, if it already was).
     *
     * @return the key's hash, for the caller to drop it from {@link VerifiedKeys} once this has committed
     */
    @WithTransaction
    public Uni<byte[]> revoke(String id) {
        if (!Ids.canExist(id)) {
            return Uni.createFrom().failure(keyNotFound(id));
        }
        return keys.findById(id).map(key -> {
            if (key == null) {
                throw keyNotFound(id);
            }
            if (key.revokedAt == null) {
                key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            return key.keyHash;
        });
    }

    /**
     * The caller a key belongs to, or a 401 for anything else. A key found valid moments ago is
     * taken from {@link VerifiedKeys}, without a session; any other goes to the database.
     */
    public Uni<Caller> authenticate(String presented) {
        if (!secrets.isWellFormedApiKey(presented)) {
            return Uni.createFrom().failure(unauthenticated());
        }
        byte[] keyHash = secrets.hash(presented);
        Caller cached = verified.get(keyHash);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long generation = verified.generation();
        return Panache.withSession(() -> keys.findActiveByHash(keyHash)).map(key -> {
            if (key == null) {
                throw unauthenticated();
            }
            Caller caller = new Caller(key.organizationId, key.userId);
            verified.keep(keyHash, caller, generation);
            return caller;
        });
    }

    private static ApiException keyNotFound(String id) {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "API key not found", Map.of("id", id));
    }

    static ApiException unauthenticated() {
        return new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "Missing or invalid authorization header");
    }
}
