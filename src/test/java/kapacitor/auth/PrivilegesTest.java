package kapacitor.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivilegesTest {
    private static AuthUser user(Permission... ps) {
        return new AuthUser("bob", false, Permission.toPrivileges(List.of(ps)));
    }

    @Test
    void writePointsReachesPingAndWriteOnly() {
        AuthUser bob = user(Permission.WRITE_POINTS);
        assertTrue(bob.authorized(AuthUser.apiResource("/ping"), Privilege.READ));
        assertTrue(bob.authorized(AuthUser.apiResource("/write"), Privilege.WRITE));
        assertFalse(bob.authorized(AuthUser.apiResource("/users/root"), Privilege.DELETE));
        assertFalse(bob.authorized(AuthUser.apiResource("/tasks"), Privilege.READ));
        // Kapacitor grants no database privilege with write_points (services/auth/service.go convertPermissions).
        assertFalse(bob.authorized(AuthUser.databaseResource("mydb"), Privilege.WRITE));
    }

    @Test
    void apiExcludesWriteAndConfigUnlessGranted() {
        AuthUser api = user(Permission.API);
        assertTrue(api.authorized(AuthUser.apiResource("/tasks/x"), Privilege.DELETE));
        assertFalse(api.authorized(AuthUser.apiResource("/write"), Privilege.WRITE));
        assertFalse(api.authorized(AuthUser.apiResource("/config/smtp"), Privilege.WRITE));
        assertTrue(user(Permission.CONFIG_API, Permission.API)
            .authorized(AuthUser.apiResource("/config"), Privilege.READ));
    }

    @Test
    void adminsAndNoPrivilegeActionsAlwaysPass() {
        AuthUser root = new AuthUser("root", true, Map.of());
        assertTrue(root.authorized(AuthUser.databaseResource("db"), Privilege.WRITE));
        assertTrue(user().authorized(AuthUser.apiResource("/ping"), Privilege.NONE));
    }

    @Test
    void permissionsRoundTripThroughPrivileges() {
        assertEquals(List.of(Permission.ALL),
            Permission.fromPrivileges(Permission.toPrivileges(List.of(Permission.ALL))));
        assertEquals(List.of(Permission.API, Permission.WRITE_POINTS),
            Permission.fromPrivileges(Permission.toPrivileges(List.of(Permission.WRITE_POINTS, Permission.API))));
        assertEquals(List.of(), Permission.fromPrivileges(Permission.toPrivileges(List.of(Permission.NONE))));
    }

    @Test
    void databaseResourcesMarkNamesWithSlashes() {
        assertEquals("/database/mydb_clean", AuthUser.databaseResource("mydb"));
        assertEquals("/database/a_b_dirty", AuthUser.databaseResource("a/b"));
        assertEquals("/api/preview/tasks", AuthUser.apiResource("preview/tasks"));
    }
}
