-- The lean and HOT floors' tables, in schemas of their own so that the service's stay untouched:
-- one row per list with its revision, and the members' order, copied from the benchmark's
-- collections so that every side reorders the same lists.
CREATE SCHEMA bench_lean;
CREATE TABLE bench_lean.lists (
    list_id  text PRIMARY KEY,
    revision bigint NOT NULL DEFAULT 0);
CREATE TABLE bench_lean.list_items (
    list_id  text NOT NULL,
    item_id  text NOT NULL,
    position int  NOT NULL,
    PRIMARY KEY (list_id, item_id),
    UNIQUE (list_id, position) DEFERRABLE INITIALLY IMMEDIATE);
INSERT INTO bench_lean.lists (list_id) SELECT id FROM collections;
INSERT INTO bench_lean.list_items SELECT collection_id, track_id, position FROM collection_tracks;

-- The HOT floor: the same rows with position in no index and 30 % of each page left free, so a
-- position change can be a heap-only update (no new index entries). What PostgreSQL can do at best.
CREATE SCHEMA bench_hot;
CREATE TABLE bench_hot.lists (LIKE bench_lean.lists INCLUDING ALL);
CREATE TABLE bench_hot.list_items (
    list_id  text NOT NULL,
    item_id  text NOT NULL,
    position int  NOT NULL,
    PRIMARY KEY (list_id, item_id)) WITH (fillfactor = 70);
INSERT INTO bench_hot.lists SELECT * FROM bench_lean.lists;
INSERT INTO bench_hot.list_items SELECT * FROM bench_lean.list_items;
