-- The order history of every list: one entry per effective change of a list's order or membership,
-- written by the same statement or transaction as the change, holding the whole order after it.
-- Restoring an entry applies its order to the list as it is now. Old entries are pruned by the
-- changes themselves, beyond the retention (music.history.retain), so no job is needed.
--
-- The order is one array per entry: for a 1,000-track list about 20 kB of text ids (16 kB of
-- uuids), compressed and stored out of line by PostgreSQL; a diff against the previous entry would
-- make reading one entry depend on all the entries before it.

CREATE TABLE collection_order_history (
    organization_id varchar(64)  NOT NULL,
    collection_id   varchar(128) NOT NULL,
    revision        bigint       NOT NULL,
    changed_at      timestamptz  NOT NULL,
    actor           varchar(128) NOT NULL,
    change          varchar(16)  NOT NULL
        CHECK (change IN ('reorder', 'move', 'add', 'remove', 'track_deleted', 'restore')),
    track_ids       text[]       NOT NULL,
    PRIMARY KEY (organization_id, collection_id, revision),
    FOREIGN KEY (organization_id, collection_id) REFERENCES collections (organization_id, id)
);

CREATE TABLE release_order_history (
    tenant_id  integer      NOT NULL,
    release_id uuid         NOT NULL,
    revision   bigint       NOT NULL,
    changed_at timestamptz  NOT NULL,
    actor      varchar(128) NOT NULL,
    change     varchar(16)  NOT NULL
        CHECK (change IN ('reorder', 'move', 'add', 'remove', 'track_deleted', 'restore')),
    track_ids  uuid[]       NOT NULL,
    PRIMARY KEY (tenant_id, release_id, revision),
    FOREIGN KEY (tenant_id, release_id) REFERENCES releases (tenant_id, id) ON DELETE CASCADE
);
