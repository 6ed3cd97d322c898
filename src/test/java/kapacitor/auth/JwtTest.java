package kapacitor.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JwtTest {
    private static final byte[] SECRET = "secret".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_700_000_000L;

    private static ObjectNode claims(String username, long exp) {
        return new ObjectMapper().createObjectNode().put("username", username).put("exp", exp);
    }

    private static String failure(String token, byte[] secret) {
        return assertThrows(Jwt.InvalidTokenException.class, () -> Jwt.verify(token, secret, NOW)).getMessage();
    }

    @Test
    void validTokenYieldsItsClaims() throws Exception {
        ObjectNode c = Jwt.verify(Jwt.sign(claims("bob", NOW + 10), SECRET), SECRET, NOW);
        assertEquals("bob", c.get("username").asText());
    }

    @Test
    void goSignedHs256TokenVerifies() throws Exception {
        // From jwt.io's HS256 example (secret "your-256-bit-secret"), with its iat in the past.
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwia"
            + "WF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        ObjectNode c = Jwt.verify(token, "your-256-bit-secret".getBytes(StandardCharsets.UTF_8), NOW);
        assertEquals("John Doe", c.get("name").asText());
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        assertEquals("signature is invalid", failure(Jwt.sign(claims("bob", NOW + 10), SECRET),
            "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void expiredTokenUsesGolangJwtV4Text() {
        assertEquals("Token is expired", failure(Jwt.sign(claims("bob", NOW - 10), SECRET), SECRET));
        assertEquals("Token is expired", failure(Jwt.sign(claims("bob", NOW), SECRET), SECRET));
    }

    @Test
    void notYetValidAndMalformedTokens() {
        ObjectNode c = claims("bob", NOW + 10).put("nbf", NOW + 5);
        assertEquals("Token is not valid yet", failure(Jwt.sign(c, SECRET), SECRET));
        assertEquals("token contains an invalid number of segments", failure("abc.def", SECRET));
        assertEquals("illegal base64 data at input byte 3", failure("abc*.def.ghi", SECRET));
    }

    @Test
    void nonHmacAlgorithmsAreRejectedByName() {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String head = enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String body = enc.encodeToString("{\"username\":\"bob\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("unexpected signing method: RS256", failure(head + "." + body + ".c2ln", SECRET));
        String unknown = enc.encodeToString("{\"alg\":\"XX1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("signing method (alg) is unavailable.", failure(unknown + "." + body + ".c2ln", SECRET));
    }
}
