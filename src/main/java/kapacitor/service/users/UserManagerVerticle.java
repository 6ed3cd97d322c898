package kapacitor.service.users;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import kapacitor.api.ApiException;
import kapacitor.app.Addresses;
import kapacitor.app.Replies;
import kapacitor.auth.BCrypt;
import kapacitor.auth.StoredUser;
import kapacitor.store.NotFoundException;
import kapacitor.store.Store;
import kapacitor.store.UserRepository;

import java.util.List;
import java.util.Map;

/**
 * The users API's rules (services/auth/service.go): create, update, delete, get and list stored users, with
 * bcrypt-hashed passwords. Hashing runs on a worker thread. Every change is announced on
 * {@link Addresses#USERS_CHANGED} so authentication caches forget the user.
 */
public final class UserManagerVerticle extends VerticleBase {
    private final UserRepository users;
    private final int bcryptCost;

    public UserManagerVerticle(Store store, int bcryptCost) {
        this.users = store.users();
        this.bcryptCost = bcryptCost;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<String>localConsumer(Addresses.USERS_GET, msg -> Replies.reply(msg, get(msg.body())));
        bus.<UserCommands.ListUsers>localConsumer(Addresses.USERS_LIST, msg -> Replies.reply(msg, list(msg.body())));
        bus.<UserCommands.CreateUser>localConsumer(Addresses.USERS_CREATE,
            msg -> Replies.reply(msg, create(msg.body())));
        bus.<UserCommands.UpdateUser>localConsumer(Addresses.USERS_UPDATE,
            msg -> Replies.reply(msg, update(msg.body())));
        bus.<String>localConsumer(Addresses.USERS_DELETE, msg -> Replies.reply(msg, delete(msg.body())));
        return Future.succeededFuture();
    }

    private Future<StoredUser> get(String name) {
        return users.get(name).map(StoredUser::of).recover(e -> Future.failedFuture(e instanceof NotFoundException
            ? new ApiException(404, "no user exists") : new ApiException(500, e.getMessage())));
    }

    private Future<UserCommands.UserList> list(UserCommands.ListUsers cmd) {
        Future<List<kapacitor.store.UserRecord>> rows = cmd.limit() < 0
            ? users.list(cmd.pattern(), 0, Integer.MAX_VALUE)
            : users.list(cmd.pattern(), cmd.offset(), cmd.limit());
        return rows.map(list -> new UserCommands.UserList(list.stream().map(StoredUser::of).toList()));
    }

    private Future<StoredUser> create(UserCommands.CreateUser cmd) {
        return users.get(cmd.name()).map(existing -> EXISTING).recover(e -> {
            if (!(e instanceof NotFoundException)) {
                return Future.failedFuture(failed("failed to create user: creating user: ", e));
            }
            return hash(cmd.password())
                .recover(h -> Future.failedFuture(failed("failed to create user: hashing password: ", h)))
                .compose(hash -> users.create(new StoredUser(cmd.name(), cmd.admin(), hash, cmd.privileges(), 0)
                        .toRecord())
                    .recover(s -> Future.failedFuture(failed("failed to create user: saving user: ", s))))
                .map(StoredUser::of)
                .onSuccess(u -> changed(u.name()));
        });
    }

    /**
     * Kapacitor's CreateUser returns no error and an empty user when the name is taken (errors.Wrap of a nil
     * error is nil), so the API answers 200 with that empty user and leaves the stored one alone.
     */
    private static final StoredUser EXISTING = new StoredUser("", false, "", Map.of(), 0);

    private Future<StoredUser> update(UserCommands.UpdateUser cmd) {
        // Kapacitor words every update failure as a failed create.
        return users.get(cmd.name()).map(StoredUser::of)
            .recover(e -> Future.failedFuture(failed("failed to create user: updating user: ",
                e instanceof NotFoundException ? new NotFoundException("no user exists") : e)))
            .compose(current -> {
                Future<String> hash = cmd.password() == null || cmd.password().isEmpty()
                    ? Future.succeededFuture(current.hash())
                    : hash(cmd.password()).recover(h -> Future.failedFuture(
                        failed("failed to create user: hashing password: ", h)));
                return hash.compose(h -> {
                    boolean admin = cmd.admin() == null ? current.admin() : cmd.admin();
                    var privileges = cmd.privileges() == null ? current.privileges() : cmd.privileges();
                    if (cmd.admin() != null && cmd.admin()) {
                        // An admin needs no privileges: Kapacitor clears them.
                        privileges = Map.of();
                    }
                    StoredUser next = new StoredUser(current.name(), admin, h, privileges, current.version());
                    return users.update(next.toRecord())
                        .recover(s -> Future.failedFuture(failed("failed to create user: saving user: ", s)));
                });
            })
            .map(StoredUser::of)
            .onSuccess(u -> changed(u.name()));
    }

    private Future<Void> delete(String name) {
        return users.delete(name)
            .recover(e -> Future.failedFuture(failed("failed to delete user: ", e)))
            .<Void>mapEmpty()
            .onSuccess(v -> changed(name));
    }

    private Future<String> hash(String password) {
        return vertx.executeBlocking(() -> BCrypt.hash(password, bcryptCost), false);
    }

    private void changed(String name) {
        vertx.eventBus().publish(Addresses.USERS_CHANGED, name);
    }

    private static ApiException failed(String prefix, Throwable e) {
        return new ApiException(500, prefix + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}
