package kapacitor.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials a request carries (httpd's parseCredentials): a Bearer token, Basic auth (the special user
 * {@code ~subscriber} carries a subscription token), or {@code u}/{@code p} query parameters, in that order.
 */
public sealed interface Credentials {
    /** The Basic-auth user name InfluxDB subscriptions use to present a subscription token as the password. */
    String SUBSCRIPTION_USER = "~subscriber";

    record UserPassword(String username, String password) implements Credentials {
    }

    record Bearer(String token) implements Credentials {
    }

    record SubscriptionToken(String token) implements Credentials {
    }

    /** Thrown when a request carries no usable credentials. */
    final class MissingException extends Exception {
        MissingException() {
            super("unable to parse authentication credentials", null, false, false);
        }
    }

    /**
     * Parses {@code authorization} (the first Authorization header, or null) and the first {@code u}/{@code p}
     * query values (or null).
     */
    static Credentials parse(String authorization, String u, String p) throws MissingException {
        if (authorization != null && !authorization.isEmpty()) {
            int space = authorization.indexOf(' ');
            if (space >= 0 && authorization.substring(0, space).equals("Bearer")) {
                return new Bearer(authorization.substring(space + 1));
            }
            String[] basic = basicAuth(authorization);
            if (basic != null) {
                return basic[0].equals(SUBSCRIPTION_USER) ? new SubscriptionToken(basic[1])
                    : new UserPassword(basic[0], basic[1]);
            }
        }
        if (u != null && !u.isEmpty() && p != null && !p.isEmpty()) {
            return new UserPassword(u, p);
        }
        throw new MissingException();
    }

    /** Go's Request.BasicAuth: a case-insensitive "Basic " prefix, padded standard base64, a ':' separator. */
    private static String[] basicAuth(String header) {
        String prefix = "Basic ";
        if (header.length() < prefix.length() || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String encoded = header.substring(prefix.length());
        if (encoded.length() % 4 != 0) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }
}
