package kapacitor.service.influxdb;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import kapacitor.app.Addresses;
import kapacitor.app.LocalCodec;
import kapacitor.auth.Privilege;
import kapacitor.auth.AuthUser;
import kapacitor.auth.StoredUser;
import kapacitor.auth.UserNames;
import kapacitor.service.users.UserCommands;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The credentials InfluxDB presents when it pushes a subscription write with {@code [http] auth-enabled}: the
 * destination carries {@code ~subscriber:<token>}, and the token is a user {@code _sub:<token>} that may write to
 * the subscribed database (Kapacitor's auth service GrantSubscriptionAccess / ListSubscriptionTokens /
 * RevokeSubscriptionAccess). Without stored users ({@code [auth] enabled = false}) every token is accepted, so
 * nothing is stored, as with Kapacitor's noauth service.
 */
interface SubscriptionTokens {
    /** Size in bytes of the random part of a token. */
    int TOKEN_SIZE = 64;
    char DELIMITER = ';';

    Future<Void> grant(String token, String db, String rp);

    Future<List<String>> list();

    Future<Void> revoke(String token);

    SubscriptionTokens NONE = new SubscriptionTokens() {
        @Override
        public Future<Void> grant(String token, String db, String rp) {
            return Future.succeededFuture();
        }

        @Override
        public Future<List<String>> list() {
            return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Void> revoke(String token) {
            return Future.succeededFuture();
        }
    };

    /** Tokens as users of the users service. */
    static SubscriptionTokens users(EventBus bus) {
        return new SubscriptionTokens() {
            @Override
            public Future<Void> grant(String token, String db, String rp) {
                Map<String, List<Privilege>> privileges = Map.of(
                    AuthUser.apiResource("/write"), List.of(Privilege.WRITE),
                    AuthUser.apiResource("/ping"), List.of(Privilege.ALL),
                    AuthUser.databaseResource(db), List.of(Privilege.WRITE));
                return bus.request(Addresses.USERS_CREATE,
                    new UserCommands.CreateUser(UserNames.SUBSCRIPTION_PREFIX + token, "", false, privileges),
                    LocalCodec.DELIVERY).mapEmpty();
            }

            @Override
            public Future<List<String>> list() {
                return bus.<UserCommands.UserList>request(Addresses.USERS_LIST,
                        new UserCommands.ListUsers(UserNames.SUBSCRIPTION_PREFIX + "*", 0, -1), LocalCodec.DELIVERY)
                    .map(Message::body)
                    .map(l -> l.users().stream().map(StoredUser::name)
                        .map(n -> n.substring(UserNames.SUBSCRIPTION_PREFIX.length())).toList());
            }

            @Override
            public Future<Void> revoke(String token) {
                return bus.request(Addresses.USERS_DELETE, UserNames.SUBSCRIPTION_PREFIX + token).mapEmpty();
            }
        };
    }

    /** {@code <cluster>;<64 random bytes>}, base64url without padding, so a token says which cluster owns it. */
    static String generate(String cluster, SecureRandom random) {
        byte[] name = cluster.getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[name.length + 1 + TOKEN_SIZE];
        System.arraycopy(name, 0, raw, 0, name.length);
        raw[name.length] = (byte) DELIMITER;
        byte[] rand = new byte[TOKEN_SIZE];
        random.nextBytes(rand);
        System.arraycopy(rand, 0, raw, name.length + 1, TOKEN_SIZE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The cluster a token was generated for, or null for a token that is not one of ours (Go's splitToken). */
    static String clusterOf(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // Go converts the bytes to a string (invalid UTF-8 kept as is) and looks for the first ';'.
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == DELIMITER) {
                return i == 0 ? null : new String(raw, 0, i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
