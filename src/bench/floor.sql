-- pgbench script: the own-schema floor, one reorder on the service's own tables. In one
-- transaction, lock the collection row (raising its revision, as a reorder does), then the
-- service's statement shape: the requested ids :perm (a text[] literal, bound as a parameter) sort
-- the members into the new order, built once as an array; each member's new dense position is its
-- index there, and only rows whose position changes are written.
\set i random(:first, :last)
BEGIN;
UPDATE collections SET revision = revision + 1, updated_at = now()
  WHERE organization_id = :org AND id = 'c' || :i;
WITH requested AS (
    SELECT r.item, r.ord FROM unnest(CAST(:perm AS text[])) WITH ORDINALITY AS r(item, ord)),
ordered AS (
    SELECT ARRAY(SELECT m.track_id FROM collection_tracks m LEFT JOIN requested ON requested.item = m.track_id
                 WHERE m.organization_id = :org AND m.collection_id = 'c' || :i ORDER BY requested.ord NULLS LAST, m.position) AS ids),
next AS (
    SELECT n.item, n.ord - 1 AS pos FROM unnest((SELECT ids FROM ordered)) WITH ORDINALITY AS n(item, ord))
UPDATE collection_tracks m SET position = next.pos FROM next
  WHERE m.organization_id = :org AND m.collection_id = 'c' || :i
    AND m.track_id = next.item AND m.position <> next.pos;
END;
