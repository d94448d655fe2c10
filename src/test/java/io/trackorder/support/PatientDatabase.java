package io.trackorder.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * For tests about lost updates under contention: two dozen clients queue on one list's row lock,
 * and on a slow or loaded machine that queue can outlast the default 5 s database deadline. Its
 * 503 "busy" answer is correct, but it is not what these tests examine, so they wait longer.
 */
public class PatientDatabase implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("music.database.timeout", "60s");
    }
}
