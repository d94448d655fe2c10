-- Releases API schema. The tenant is the workspace of the caller's token, numbered on first use;
-- every key starts with it, as in the Collections API tables.

CREATE TABLE workspaces (
    tenant_id  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace  varchar(256) NOT NULL UNIQUE,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE releases (
    tenant_id        integer      NOT NULL REFERENCES workspaces (tenant_id),
    id               uuid         NOT NULL,
    tenant_user_id   varchar(128) NOT NULL,
    title            varchar(512) NOT NULL CHECK (title <> ''),
    display_artist   varchar(512) NOT NULL CHECK (display_artist <> ''),
    artists          jsonb        NOT NULL,
    format           varchar(16)  CHECK (format IN ('Single', 'EP', 'Album', 'Mixtape', 'Compilation')),
    type             varchar(16)  CHECK (type IN ('Audio', 'Video', 'Audiovisual')),
    status           varchar(16)  NOT NULL
        CHECK (status IN ('draft', 'submitted', 'under_review', 'approved', 'rejected', 'completed')),
    version          varchar(256),
    label            varchar(512),
    copyright        varchar(512),
    description      varchar(4096),
    release_date     date,
    pre_release_date date,
    main_genre       jsonb        NOT NULL,
    sub_genre        jsonb        NOT NULL,
    explicit         varchar(8)   CHECK (explicit IN ('explicit', 'clean')),
    metadata         jsonb        NOT NULL,
    feedback         varchar(4096),
    submitted_at     timestamptz,
    reviewed_at      timestamptz,
    reviewed_by_id   varchar(128),
    revision         bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- "The caller's releases, newest first" (owners) and "the workspace's releases" (admins).
CREATE INDEX releases_by_owner ON releases (tenant_id, tenant_user_id, created_at DESC, id DESC);
CREATE INDEX releases_by_tenant ON releases (tenant_id, created_at DESC, id DESC);

CREATE TABLE release_tracks (
    tenant_id      integer       NOT NULL,
    release_id     uuid          NOT NULL,
    id             uuid          NOT NULL,
    track_number   integer       NOT NULL CHECK (track_number >= 1),
    asset_id       uuid,
    title          varchar(512)  NOT NULL CHECK (title <> ''),
    version        varchar(256),
    isrc           varchar(12),
    iswc           varchar(13),
    duration       double precision CHECK (duration >= 0),
    lyrics         varchar(65536),
    language       varchar(35),
    display_artist varchar(512)  NOT NULL,
    artists        jsonb         NOT NULL,
    main_genre     jsonb         NOT NULL,
    sub_genre      jsonb         NOT NULL,
    contributors   jsonb         NOT NULL,
    metadata       jsonb         NOT NULL,
    explicit       varchar(8)    CHECK (explicit IN ('explicit', 'clean')),
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, release_id, id),
    -- As for collections: checked at the end of each statement, so one UPDATE may renumber freely.
    CONSTRAINT release_tracks_number_unique UNIQUE (tenant_id, release_id, track_number)
        DEFERRABLE INITIALLY IMMEDIATE,
    FOREIGN KEY (tenant_id, release_id) REFERENCES releases (tenant_id, id) ON DELETE CASCADE
);
