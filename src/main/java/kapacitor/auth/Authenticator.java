package kapacitor.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import kapacitor.api.ApiRouter;
import kapacitor.api.Json;
import kapacitor.api.RequestGuard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Kapacitor's request authentication and authorization (services/httpd/handler.go authenticate / authorize) as the
 * HTTP layer's {@link RequestGuard}. One instance serves every event loop: its caches are concurrent maps.
 *
 * <p>Looked-up users are trusted for {@code [auth] cache-expiration}; a verified password is remembered as a salted
 * SHA-256 for an hour (as Kapacitor's auth cache does) so bcrypt runs once per user and password, not per request.
 * Unlike Kapacitor's cache, a remembered password is tied to the stored hash, so changing a password ends it.
 */
public final class Authenticator implements RequestGuard {
    /** Methods Kapacitor routes at all; any other method is answered 404 without authentication. */
    private static final Set<String> ROUTED_METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD",
        "OPTIONS");
    private static final long CREDENTIAL_TTL_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record CachedUser(StoredUser user, long expiresAt) {
    }

    private record CachedPassword(String hash, byte[] salt, byte[] digest, long expiresAt) {
    }

    private final Vertx vertx;
    private final AuthSettings settings;
    private final Function<String, Future<StoredUser>> lookup;
    private final byte[] secret;
    private final Map<String, CachedUser> users = new ConcurrentHashMap<>();
    private final Map<String, CachedPassword> passwords = new ConcurrentHashMap<>();

    /** {@code lookup}: the stored user of a name, failing (404 "no user exists") when there is none. */
    public Authenticator(Vertx vertx, AuthSettings settings, Function<String, Future<StoredUser>> lookup) {
        this.vertx = vertx;
        this.settings = settings;
        this.lookup = lookup;
        this.secret = settings.sharedSecret() == null ? new byte[0]
            : settings.sharedSecret().getBytes(StandardCharsets.UTF_8);
    }

    /** Forgets what is cached about {@code name}; called whenever the user is changed or deleted. */
    public void invalidate(String name) {
        users.remove(name);
        passwords.remove(name);
    }

    @Override
    public Future<Void> admit(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        if (!ROUTED_METHODS.contains(method) || bypasses(method, path)) {
            return Future.succeededFuture();
        }
        Credentials credentials;
        try {
            credentials = Credentials.parse(ctx.request().getHeader("Authorization"),
                ctx.request().getParam("u"), ctx.request().getParam("p"));
        } catch (Credentials.MissingException e) {
            return unauthorized(e.getMessage());
        }
        return authenticate(credentials).compose(user -> authorize(ctx, user, method, path));
    }

    /** The pprof and expvar routes Kapacitor leaves open when {@code [http] pprof-enabled} is set. */
    private boolean bypasses(String method, String path) {
        return settings.pprofEnabled() && method.equals("GET")
            && (path.equals(ApiRouter.BASE + "/debug/vars") || path.startsWith(ApiRouter.BASE + "/debug/pprof/"));
    }

    /** The user {@code credentials} stand for; fails with a 401 {@link RequestGuard.Rejection}. */
    public Future<AuthUser> authenticate(Credentials credentials) {
        if (credentials instanceof Credentials.UserPassword up) {
            if (up.username().isEmpty()) {
                return unauthorized("username required");
            }
            if (!settings.usersEnabled()) {
                return Future.succeededFuture(AuthUser.admin(up.username()));
            }
            return user(up.username())
                .compose(u -> checkPassword(u, up.password()))
                .recover(e -> unauthorized("authorization failed"));
        }
        if (credentials instanceof Credentials.Bearer bearer) {
            return bearer(bearer.token());
        }
        String token = ((Credentials.SubscriptionToken) credentials).token();
        if (!settings.usersEnabled()) {
            return Future.succeededFuture(AuthUser.admin("subscription-user"));
        }
        if (!UserNames.valid(token)) {
            return unauthorized("token must be a valid username: " + kapacitor.util.GoQuote.quote(token));
        }
        return user(UserNames.SUBSCRIPTION_PREFIX + token).map(StoredUser::toAuthUser)
            .recover(e -> unauthorized("invalid subscription token"));
    }

    private Future<AuthUser> bearer(String token) {
        ObjectNode claims;
        try {
            claims = Jwt.verify(token, secret, System.currentTimeMillis() / 1000);
        } catch (Jwt.InvalidTokenException e) {
            return unauthorized("invalid token: " + e.getMessage());
        }
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber() || exp.asDouble() <= 0) {
            return unauthorized("token expiration required");
        }
        JsonNode username = claims.get("username");
        if (username == null || !username.isTextual()) {
            return unauthorized("username in token must be a string");
        }
        String name = username.asText();
        if (name.isEmpty()) {
            return unauthorized("token must contain a username");
        }
        if (!settings.usersEnabled()) {
            return Future.succeededFuture(AuthUser.admin(name));
        }
        return user(name).map(StoredUser::toAuthUser).recover(e -> unauthorized("retrieving user "
            + kapacitor.util.GoQuote.quote(name) + " from store: " + e.getMessage()));
    }

    private Future<StoredUser> user(String name) {
        CachedUser cached = users.get(name);
        long now = System.nanoTime();
        if (cached != null && now - cached.expiresAt() < 0) {
            return Future.succeededFuture(cached.user());
        }
        long ttl = settings.cacheExpiration().toNanos();
        return lookup.apply(name).onSuccess(u -> {
            if (ttl > 0) {
                users.put(name, new CachedUser(u, now + ttl));
            }
        });
    }

    private Future<AuthUser> checkPassword(StoredUser user, String password) {
        CachedPassword known = passwords.get(user.name());
        if (known != null && known.hash().equals(user.hash()) && System.nanoTime() - known.expiresAt() < 0
            && MessageDigest.isEqual(known.digest(), digest(known.salt(), password))) {
            return Future.succeededFuture(user.toAuthUser());
        }
        return vertx.executeBlocking(() -> BCrypt.verify(password, user.hash()), false).compose(ok -> {
            if (!ok) {
                passwords.remove(user.name());
                return Future.failedFuture("failed to authenticate user");
            }
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            passwords.put(user.name(), new CachedPassword(user.hash(), salt, digest(salt, password),
                System.nanoTime() + CREDENTIAL_TTL_NANOS));
            return Future.succeededFuture(user.toAuthUser());
        });
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Kapacitor's authorizeRequest: the method's privilege on the path's API resource, then the write database. */
    private Future<Void> authorize(RoutingContext ctx, AuthUser user, String method, String path) {
        Privilege required = Privilege.forHttpMethod(method);
        String denied = deniedEndpoint(user, required, path);
        if (denied == null && path.startsWith(ApiRouter.PREVIEW + "/")) {
            // Kapacitor authorizes a preview request twice: as sent, then rewritten to its v1 route.
            denied = deniedEndpoint(user, required, ApiRouter.BASE + path.substring(ApiRouter.PREVIEW.length()));
        }
        if (denied != null) {
            return Future.failedFuture(new RequestGuard.Rejection(403, errorBody(denied)));
        }
        if (method.equals("POST") && isWrite(path)) {
            String db = ctx.request().getParam("db");
            if (db != null && !db.isEmpty() && !user.authorized(AuthUser.databaseResource(db), Privilege.WRITE)) {
                // The write endpoint answers in InfluxDB's shape, like its other errors.
                Map<String, String> body = Map.of("error", kapacitor.util.GoQuote.quote(user.name())
                    + " user is not authorized to write to database " + kapacitor.util.GoQuote.quote(db));
                return Future.failedFuture(new RequestGuard.Rejection(401, Json.compact(body)));
            }
        }
        return Future.succeededFuture();
    }

    private static String deniedEndpoint(AuthUser user, Privilege required, String path) {
        String relative = path.startsWith(ApiRouter.BASE) ? path.substring(ApiRouter.BASE.length()) : path;
        if (user.authorized(AuthUser.apiResource(relative), required)) {
            return null;
        }
        return "user " + user.name() + " does not have \"" + required.label() + "\" privilege for API endpoint "
            + kapacitor.util.GoQuote.quote(path);
    }

    private static boolean isWrite(String path) {
        return path.equals("/write") || path.equals(ApiRouter.BASE + "/write")
            || path.equals(ApiRouter.PREVIEW + "/write");
    }

    private static <T> Future<T> unauthorized(String text) {
        return Future.failedFuture(new RequestGuard.Rejection(401, errorBody(text)));
    }

    /** httpd.HttpError without pretty printing: {@code {"error":...,"message":...}}. */
    private static Buffer errorBody(String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", text);
        body.put("message", text);
        return Json.compact(body);
    }
}
