package io.trackorder.collections;

import java.util.Map;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The collection does not exist, is deleted, or belongs to someone else: the caller cannot tell which. */
public class CollectionNotFound extends ApiException {

    public CollectionNotFound(String collectionId) {
        super(ErrorCode.RESOURCE_NOT_FOUND, "Music collection not found or not owned by caller",
                Map.of("collection_id", collectionId));
    }
}
