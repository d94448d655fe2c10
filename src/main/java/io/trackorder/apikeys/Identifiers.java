package io.trackorder.apikeys;

/** The shape of organization and user ids (opaque strings chosen by the operator). */
public final class Identifiers {

    /** Anchored: the OpenAPI document shows it as a JSON Schema pattern, which matches anywhere unless anchored. */
    public static final String TENANT_ID = "^[A-Za-z0-9_-]{1,64}$";
    public static final String TENANT_ID_RULE = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -";

    private Identifiers() {
    }
}
