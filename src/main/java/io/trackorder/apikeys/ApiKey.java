package io.trackorder.apikeys;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An issued API key. Only the SHA-256 of the key is stored; the key itself is shown once. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    public String id;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "user_id")
    public String userId;

    public String name;

    @Column(name = "key_hash")
    public byte[] keyHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
