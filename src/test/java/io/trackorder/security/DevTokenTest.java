package io.trackorder.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The README's dev token command: run as documented, its tokens verify with the dev profile's key
 * and issuer and carry what the Releases API needs.
 */
class DevTokenTest {

    @Test
    void theDevTokenCommandPrintsTokensTheDevProfileAccepts() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "src/main/dev/DevToken.java").redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "DevToken finished");
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertEquals(2, lines.size(), String.join("\n", lines));

        Properties config = new Properties();
        try (InputStream properties = getClass().getResourceAsStream("/application.properties")) {
            config.load(properties);
        }
        String keyLocation = config.getProperty("%dev.mp.jwt.verify.publickey.location").replace("file:", "");
        JWTAuthContextInfo devProfile = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(Files.readString(Path.of(keyLocation))),
                config.getProperty("%dev.mp.jwt.verify.issuer"));

        JsonWebToken user = new DefaultJWTParser(devProfile).parse(value(lines.get(0), "TOKEN"));
        JsonWebToken admin = new DefaultJWTParser(devProfile).parse(value(lines.get(1), "ADMIN_TOKEN"));
        assertEquals("ws_dev", user.getClaim("activeWorkspace").toString());
        assertEquals("ws_dev", admin.getClaim("activeWorkspace").toString());
        assertTrue(user.getSubject() != null && !user.getGroups().contains("admin"));
        assertTrue(admin.getGroups().contains("admin"));
    }

    private static String value(String exportLine, String name) {
        assertTrue(exportLine.startsWith("export " + name + "="), exportLine);
        return exportLine.substring(("export " + name + "=").length());
    }
}
