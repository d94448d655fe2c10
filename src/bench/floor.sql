-- pgbench script: the PostgreSQL floor of one reorder, the same logical work the service does.
-- Lock the collection row (raising its revision, as a reorder does), then write the permutation
-- :perm (a text[] literal, bound as a parameter) in one batched position update.
\set i random(:first, :last)
BEGIN;
UPDATE collections SET revision = revision + 1, updated_at = now()
  WHERE organization_id = :org AND id = 'c' || :i;
UPDATE collection_tracks m SET position = r.ord - 1
  FROM unnest(CAST(:perm AS text[])) WITH ORDINALITY AS r(track_id, ord)
  WHERE m.organization_id = :org AND m.collection_id = 'c' || :i
    AND m.track_id = r.track_id AND m.position <> r.ord - 1;
END;
