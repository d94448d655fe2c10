package io.trackorder.errors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * Test-only endpoint that fails the way a bug would, to check what a client sees of a 500. Not part
 * of the API, so left out of its OpenAPI document.
 */
@Path("/v1/music/{organization_id}/test-failure")
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public Uni<String> fail() {
        return failure();
    }

    static Uni<String> failure() {
        return Uni.createFrom().failure(new IllegalStateException("SELECT secret FROM internals WHERE bug = true"));
    }

    /** The same failure on the Releases API. */
    @Path("/releases/test-failure")
    public static class OnReleases {

        @GET
        @Operation(hidden = true)
        public Uni<String> fail() {
            return failure();
        }
    }
}
