package kapacitor.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialsTest {
    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearerBasicAndQueryParameters() throws Exception {
        assertEquals(new Credentials.Bearer("a.b.c"), Credentials.parse("Bearer a.b.c", null, null));
        assertEquals(new Credentials.UserPassword("bob", "p:w"), Credentials.parse(basic("bob:p:w"), "x", "y"));
        assertEquals(new Credentials.UserPassword("bob", "pw"), Credentials.parse(null, "bob", "pw"));
        assertEquals(new Credentials.SubscriptionToken("tok"), Credentials.parse(basic("~subscriber:tok"), null, null));
    }

    @Test
    void unusableHeaderFallsBackToQueryParameters() throws Exception {
        assertEquals(new Credentials.UserPassword("bob", "pw"), Credentials.parse("Digest xyz", "bob", "pw"));
        assertEquals(new Credentials.UserPassword("", "pw"), Credentials.parse(basic(":pw"), null, null));
    }

    @Test
    void nothingUsableIsTheKapacitorError() {
        Credentials.MissingException e = assertThrows(Credentials.MissingException.class,
            () -> Credentials.parse(null, "bob", ""));
        assertEquals("unable to parse authentication credentials", e.getMessage());
        assertThrows(Credentials.MissingException.class, () -> Credentials.parse("bearer x", null, null));
    }
}
