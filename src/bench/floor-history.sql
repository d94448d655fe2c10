-- pgbench script: the own-schema floor with the order history, as the service records it. The
-- same statements as floor.sql, the reorder followed, in the same statement, by what the service's
-- reorder statement adds: the history entry for the new revision with the whole new order as one
-- array, and the pruning of entries beyond the retention (100). Compared with floor.sql in the
-- same run, it gives the cost of recording the history.
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
    SELECT n.item, n.ord - 1 AS pos FROM unnest((SELECT ids FROM ordered)) WITH ORDINALITY AS n(item, ord)),
moved AS (
    UPDATE collection_tracks m SET position = next.pos FROM next
    WHERE m.organization_id = :org AND m.collection_id = 'c' || :i
      AND m.track_id = next.item AND m.position <> next.pos
    RETURNING 1),
revised AS (
    SELECT revision FROM collections
    WHERE organization_id = :org AND id = 'c' || :i AND EXISTS (SELECT 1 FROM moved)),
pruned AS (
    DELETE FROM collection_order_history h
    WHERE h.organization_id = :org AND h.collection_id = 'c' || :i
      AND h.revision <= (SELECT revision FROM revised) - 100)
INSERT INTO collection_order_history (organization_id, collection_id, revision, changed_at, actor, change, track_ids)
SELECT :org, 'c' || :i, revised.revision, now(), 'usr_bench', 'reorder', (SELECT ids FROM ordered)
FROM revised;
END;
