-- Reorders as heap-only (HOT) updates. A reorder rewrites the position of every member that moves.
-- While a position was part of an index, each of those rows also wrote a new entry into every index
-- of its table; with no index on the position, PostgreSQL can keep the new row version on the same
-- page and write no index entry at all. Positions stay unique and dense without the index: every
-- writer of a list holds the parent row lock (the collection's or the release's) and computes the
-- positions densely under it (src/site/markdown/architecture.md).
ALTER TABLE collection_tracks DROP CONSTRAINT collection_tracks_position_unique;
ALTER TABLE release_tracks DROP CONSTRAINT release_tracks_number_unique;

-- A HOT update needs room for the new row version on the row's own page. Inserts now leave 30% of
-- each page free for that. Setting it rewrites nothing: pages written so far keep their rows, and
-- new pages (and pages whose space is reclaimed by pruning and vacuum) follow the new setting.
ALTER TABLE collection_tracks SET (fillfactor = 70);
ALTER TABLE release_tracks SET (fillfactor = 70);
