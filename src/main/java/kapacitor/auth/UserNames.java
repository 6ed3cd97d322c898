package kapacitor.auth;

import java.util.regex.Pattern;

/** Kapacitor's rules for user names (services/auth/service.go validUsername and the subscription users). */
public final class UserNames {
    // Go's $ without the m flag matches only at the very end, hence \z.
    private static final Pattern VALID = Pattern.compile("\\A[-._\\p{L}0-9@]+\\z");
    /** Prefix of the users that hold InfluxDB subscription tokens; not a valid name, so no client can create one. */
    public static final String SUBSCRIPTION_PREFIX = "_sub:";

    private UserNames() {
    }

    public static boolean valid(String name) {
        return VALID.matcher(name).matches();
    }

    /** The users API's error text for an invalid name. */
    public static String invalidMessage(String name) {
        return "username must contain only letters, numbers, '-', '.', '@' and '_'. " + kapacitor.util.GoQuote.quote(name);
    }
}
