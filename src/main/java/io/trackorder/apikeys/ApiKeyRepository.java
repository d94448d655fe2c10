package io.trackorder.apikeys;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

    public Uni<ApiKey> findActiveByHash(byte[] keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResult();
    }
}
