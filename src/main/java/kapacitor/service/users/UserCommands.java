package kapacitor.service.users;

import kapacitor.auth.Privilege;
import kapacitor.auth.StoredUser;
import kapacitor.model.LocalMessage;

import java.util.List;
import java.util.Map;

/** The users API's commands and replies on the bus (in-JVM only: they may carry passwords and hashes). */
public final class UserCommands {
    private UserCommands() {
    }

    public record CreateUser(String name, String password, boolean admin, Map<String, List<Privilege>> privileges)
        implements LocalMessage {
    }

    /**
     * @param password   empty: keep the current one
     * @param admin      null: keep the current type
     * @param privileges null: keep the current privileges
     */
    public record UpdateUser(String name, String password, Boolean admin, Map<String, List<Privilege>> privileges)
        implements LocalMessage {
    }

    /** {@code limit} below zero lists every match (Kapacitor's storage ignores the offset then too). */
    public record ListUsers(String pattern, int offset, int limit) implements LocalMessage {
    }

    public record UserList(List<StoredUser> users) implements LocalMessage {
    }
}
