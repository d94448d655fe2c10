-- Strong entity tags. A collection's or a release's representation changes in two ways: its track
-- list, which `revision` counts, and everything else, which `change_count` counts (edits of the
-- collection or release, submit and review, edits of a release's tracks, a cover track cleared
-- because the track was deleted). Their ETag is "<revision>.<change_count>".
ALTER TABLE collections ADD COLUMN change_count bigint NOT NULL DEFAULT 0;
ALTER TABLE releases ADD COLUMN change_count bigint NOT NULL DEFAULT 0;

-- Deleting a track clears the covers that name it in its own statement, counting the change; the
-- foreign key no longer clears them silently, and refuses a delete that would leave one behind.
ALTER TABLE collections
    DROP CONSTRAINT collections_organization_id_cover_track_id_fkey,
    ADD CONSTRAINT collections_cover_track_fkey FOREIGN KEY (organization_id, cover_track_id)
        REFERENCES tracks (organization_id, id);

-- Deleting a track finds the collections whose cover it is.
CREATE INDEX collections_by_cover ON collections (organization_id, cover_track_id) WHERE cover_track_id IS NOT NULL;
