-- pgbench script: the lean and HOT floors, one reorder on a table that holds nothing but the
-- order (its schema, bench_lean or bench_hot, comes from the search_path). The same statements as
-- floor.sql: raise the list's revision, then write the new dense positions of the rows that move.
\set i random(:first, :last)
BEGIN;
UPDATE lists SET revision = revision + 1 WHERE list_id = 'c' || :i;
WITH requested AS (
    SELECT r.item, r.ord FROM unnest(CAST(:perm AS text[])) WITH ORDINALITY AS r(item, ord)),
ordered AS (
    SELECT ARRAY(SELECT m.item_id FROM list_items m LEFT JOIN requested ON requested.item = m.item_id
                 WHERE m.list_id = 'c' || :i ORDER BY requested.ord NULLS LAST, m.position) AS ids),
next AS (
    SELECT n.item, n.ord - 1 AS pos FROM unnest((SELECT ids FROM ordered)) WITH ORDINALITY AS n(item, ord))
UPDATE list_items m SET position = next.pos FROM next
  WHERE m.list_id = 'c' || :i AND m.item_id = next.item AND m.position <> next.pos;
END;
