package kapacitor.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * Verifies the bearer tokens Kapacitor accepts: JWTs signed with HMAC (HS256/384/512) and the shared secret,
 * checked as golang-jwt v4's Parse does (same order, same texts), then Kapacitor's own claim rules.
 */
public final class Jwt {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Algorithms golang-jwt knows that are not HMAC: Kapacitor rejects them by name. */
    private static final Set<String> OTHER_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
        "ES256", "ES384", "ES512", "EdDSA", "none");

    /** A token that does not verify; the message is golang-jwt's. */
    public static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    private Jwt() {
    }

    /** The verified claims of {@code token}, as of {@code nowSeconds} (Unix time). */
    public static ObjectNode verify(String token, byte[] secret, long nowSeconds) throws InvalidTokenException {
        String[] parts = split(token);
        JsonNode header = parseSegment(parts[0], token);
        if (!header.isObject() && !header.isNull()) {
            throw new InvalidTokenException("json: cannot unmarshal " + goType(header)
                + " into Go value of type map[string]interface {}");
        }
        JsonNode claims = parseSegment(parts[1], null);
        if (claims.isNull()) {
            claims = MAPPER.createObjectNode();
        }
        if (!(claims instanceof ObjectNode)) {
            throw new InvalidTokenException("json: cannot unmarshal " + goType(claims)
                + " into Go value of type jwt.MapClaims");
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            throw new InvalidTokenException("signing method (alg) is unspecified.");
        }
        String macAlgorithm = macFor(alg.asText());
        if (macAlgorithm == null) {
            throw new InvalidTokenException(OTHER_ALGORITHMS.contains(alg.asText())
                ? "unexpected signing method: " + alg.asText() : "signing method (alg) is unavailable.");
        }
        byte[] signature = decodeSegment(parts[2]);
        byte[] expected = sign(macAlgorithm, secret, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(signature, expected)) {
            throw new InvalidTokenException("signature is invalid");
        }
        validateTimes((ObjectNode) claims, nowSeconds);
        return (ObjectNode) claims;
    }

    /** Signs claims as an HS512 token (for tests and tools that need a valid token). */
    public static String sign(ObjectNode claims, byte[] secret) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String head = enc.encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = enc.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return head + "." + body + "." + enc.encodeToString(sign("HmacSHA512", secret, head + "." + body));
    }

    private static String[] split(String token) throws InvalidTokenException {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new InvalidTokenException("token contains an invalid number of segments");
        }
        return new String[] {token.substring(0, first), token.substring(first + 1, second),
            token.substring(second + 1)};
    }

    private static JsonNode parseSegment(String segment, String wholeTokenIfHeader) throws InvalidTokenException {
        byte[] raw;
        try {
            raw = decodeSegment(segment);
        } catch (InvalidTokenException e) {
            if (wholeTokenIfHeader != null && wholeTokenIfHeader.toLowerCase().startsWith("bearer ")) {
                throw new InvalidTokenException("tokenstring should not contain 'bearer '");
            }
            throw e;
        }
        try {
            JsonNode node = MAPPER.readTree(raw);
            if (node == null || node.isMissingNode()) {
                throw new InvalidTokenException("unexpected end of JSON input");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new InvalidTokenException("invalid character in token JSON: " + e.getMessage());
        }
    }

    /** Go's base64.RawURLEncoding: no padding; the error names the first offending byte. */
    private static byte[] decodeSegment(String segment) throws InvalidTokenException {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                throw new InvalidTokenException("illegal base64 data at input byte " + i);
            }
        }
        if (segment.length() % 4 == 1) {
            throw new InvalidTokenException("illegal base64 data at input byte " + (segment.length() - 1));
        }
        return Base64.getUrlDecoder().decode(segment);
    }

    private static String macFor(String alg) {
        switch (alg) {
            case "HS256":
                return "HmacSHA256";
            case "HS384":
                return "HmacSHA384";
            case "HS512":
                return "HmacSHA512";
            default:
                return null;
        }
    }

    private static byte[] sign(String algorithm, byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // An empty shared secret is a valid (if weak) HMAC key in Go; the JDK refuses empty keys, and a key of
            // one zero byte is the same key once HMAC pads it to the block size.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, algorithm));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
        }
    }

    /**
     * golang-jwt v4 MapClaims.Valid: exp, iat and nbf are each checked when present; the last failing check's text
     * wins. A non-numeric exp counts as expired.
     */
    private static void validateTimes(ObjectNode claims, long now) throws InvalidTokenException {
        String failure = null;
        JsonNode exp = claims.get("exp");
        if (exp != null && !(exp.isNumber() ? exp.asDouble() == 0 || now < exp.asDouble() : false)) {
            failure = "Token is expired";
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && !(iat.isNumber() ? iat.asDouble() == 0 || now >= iat.asDouble() : false)) {
            failure = "Token used before issued";
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && !(nbf.isNumber() ? nbf.asDouble() == 0 || now >= nbf.asDouble() : false)) {
            failure = "Token is not valid yet";
        }
        if (failure != null) {
            throw new InvalidTokenException(failure);
        }
    }

    private static String goType(JsonNode node) {
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.isBoolean() ? "bool" : "value";
    }
}
