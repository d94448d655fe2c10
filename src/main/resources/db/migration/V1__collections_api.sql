-- Collections API schema. Every key starts with the tenant (organization_id) so that the
-- tables can later be distributed by tenant without a rewrite.

CREATE TABLE api_keys (
    id              varchar(64) PRIMARY KEY,
    organization_id varchar(64) NOT NULL,
    user_id         varchar(64) NOT NULL,
    name            varchar(256) NOT NULL CHECK (name <> ''),
    key_hash        bytea       NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);

CREATE TABLE tracks (
    organization_id           varchar(64)      NOT NULL,
    id                        varchar(128)     NOT NULL,
    created_by                varchar(64)      NOT NULL,
    title                     varchar(512),
    engine                    varchar(256),
    mode                      varchar(256),
    measured_duration_seconds double precision CHECK (measured_duration_seconds >= 0),
    instrumental              boolean          NOT NULL DEFAULT false,
    licence_class             varchar(32)      NOT NULL DEFAULT 'unclear'
        CHECK (licence_class IN ('commercial_cleared', 'commercial_enterprise', 'personal_only', 'unclear')),
    created_at                timestamptz      NOT NULL,
    PRIMARY KEY (organization_id, id)
);

-- "Tracks the caller created, newest first".
CREATE INDEX tracks_by_creator ON tracks (organization_id, created_by, created_at DESC, id DESC);

CREATE TABLE collections (
    organization_id varchar(64)   NOT NULL,
    id              varchar(128)  NOT NULL,
    owner_user_id   varchar(64)   NOT NULL,
    name            varchar(512)  NOT NULL CHECK (name <> ''),
    description     varchar(4096),
    cover_track_id  varchar(128),
    cover_image_url varchar(1024),
    revision        bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, cover_track_id) REFERENCES tracks (organization_id, id)
        ON DELETE SET NULL (cover_track_id)
);

-- "Only the caller's collections, newest first"; deleted ones are never listed.
CREATE INDEX collections_by_owner ON collections (organization_id, owner_user_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;

CREATE TABLE collection_tracks (
    organization_id varchar(64)  NOT NULL,
    collection_id   varchar(128) NOT NULL,
    track_id        varchar(128) NOT NULL,
    position        integer     NOT NULL CHECK (position >= 0),
    added_at        timestamptz NOT NULL,
    PRIMARY KEY (organization_id, collection_id, track_id),
    -- Checked at the end of each statement, so one UPDATE may permute positions freely, and no
    -- transaction can ever commit two tracks at one position.
    CONSTRAINT collection_tracks_position_unique UNIQUE (organization_id, collection_id, position)
        DEFERRABLE INITIALLY IMMEDIATE,
    FOREIGN KEY (organization_id, collection_id) REFERENCES collections (organization_id, id),
    FOREIGN KEY (organization_id, track_id) REFERENCES tracks (organization_id, id)
);

-- Deleting a track finds the collections that hold it.
CREATE INDEX collection_tracks_by_track ON collection_tracks (organization_id, track_id);
