import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Prints Releases API bearer tokens for {@code ./mvnw quarkus:dev}, signed with the dev key pair
 * next to this file: a user and an admin of the dev workspace, valid for 12 hours. Needs only a JDK:
 *
 * <pre>eval "$(java src/main/dev/DevToken.java)"   # sets TOKEN and ADMIN_TOKEN</pre>
 *
 * The dev key is public knowledge: no other profile trusts it.
 */
public class DevToken {

    static final String ISSUER = "https://dev.trackorder.local";
    static final String WORKSPACE = "ws_dev";

    public static void main(String[] args) throws Exception {
        Path here = Path.of(args.length > 0 ? args[0] : "src/main/dev");
        PrivateKey key = privateKey(here.resolve("jwt-private.pem"));
        System.out.println("export TOKEN=" + token(key, "usr_dev", "user"));
        System.out.println("export ADMIN_TOKEN=" + token(key, "usr_dev_admin", "admin"));
    }

    static String token(PrivateKey key, String user, String role) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"activeWorkspace\":\"" + WORKSPACE
                + "\",\"role\":\"" + role + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 12 * 3600) + "}";
        String signed = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + base64Url(rs256.sign());
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
