package io.trackorder.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens the Releases API must refuse, each for a given user and workspace,
 * so that a refusal is only ever due to the one thing wrong with the token.
 */
public final class ForgedTokens {

    private final String userId;
    private final String workspace;

    public ForgedTokens(String userId, String workspace) {
        this.userId = userId;
        this.workspace = workspace;
    }

    /** Every forged token by the attack's name. */
    public Map<String, String> all() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not a JWT", "not-a-jwt");
        tokens.put("expired token", expired());
        tokens.put("token without exp", withoutExpiry());
        tokens.put("alg: none", unsigned());
        tokens.put("HS256 keyed with the public key", keyConfusion());
        tokens.put("wrong issuer", wrongIssuer());
        tokens.put("signed by another key", signedByAnotherKey());
        tokens.put("no workspace claim", withoutWorkspace());
        tokens.put("no user claim", withoutUser());
        tokens.put("oversize token (under the header limit)", oversize());
        return tokens;
    }

    private JwtClaimsBuilder claims() {
        return Jwt.issuer(Releases.ISSUER).subject(userId).claim("activeWorkspace", workspace);
    }

    private String expired() {
        return claims().issuedAt(Instant.now().minusSeconds(1200)).expiresAt(Instant.now().minusSeconds(600)).sign();
    }

    /** Signed with the right key, but without the required {@code exp}; the builder always adds one. */
    private String withoutExpiry() throws Exception {
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url(payloadJson());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(testPrivateKey());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private String unsigned() {
        String payload = payloadJson().replace("}", ",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}");
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload) + ".";
    }

    /** The classic key confusion: an HMAC whose secret is the server's public key text. */
    private String keyConfusion() throws Exception {
        return claims().expiresIn(3600).signWithSecret(resource("/test-jwt/public.pem"));
    }

    private String wrongIssuer() {
        return Jwt.issuer("https://someone-else.example").subject(userId).claim("activeWorkspace", workspace)
                .expiresIn(3600).sign();
    }

    private String signedByAnotherKey() throws Exception {
        return claims().expiresIn(3600).sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
    }

    private String withoutWorkspace() {
        return Jwt.issuer(Releases.ISSUER).subject(userId).expiresIn(3600).sign();
    }

    private String withoutUser() {
        return Jwt.issuer(Releases.ISSUER).claim("activeWorkspace", workspace).expiresIn(3600).sign();
    }

    /** About 12 KB: far more than any real token, well under Quarkus' 20 KB header limit. */
    private String oversize() throws Exception {
        return claims().claim("padding", "x".repeat(12_000)).expiresIn(3600)
                .sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
    }

    private String payloadJson() {
        return "{\"iss\":\"" + Releases.ISSUER + "\",\"sub\":\"" + userId + "\",\"activeWorkspace\":\"" + workspace + "\"}";
    }

    private static PrivateKey testPrivateKey() throws Exception {
        String pem = resource("/test-jwt/private.pem").replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String resource(String name) throws Exception {
        try (var in = ForgedTokens.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
