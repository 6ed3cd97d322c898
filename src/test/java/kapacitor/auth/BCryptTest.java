package kapacitor.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BCryptTest {
    private static final byte[] SALT = {101, (byte) 201, 101, 75, 19, (byte) 227, (byte) 199, 20, (byte) 239,
        (byte) 236, (byte) 133, 32, 30, 109, (byte) 243, 30};

    @Test
    void blowfishStartsFromTheDigitsOfPi() {
        int[] words = BCrypt.piWordsForTest();
        assertEquals(0x243F6A88, words[0]);
        assertEquals(0x8979FB1B, words[17]);
        assertEquals(0xD1310BA6, words[18]);
        assertEquals(0x3AC372E6, words[words.length - 1]);
    }

    @Test
    void hashMatchesGoBcryptForAKnownSalt() {
        assertEquals("$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga", BCrypt.hash("allmine", 10, SALT));
    }

    @Test
    void passwordsLongerThanBlowfishKeysStillHashLikeGo() {
        assertEquals("$2a$10$XajjQvNhvvRt5GSeFk1xFe5l47dONXg781AmZtd869sO8zfsHuw7C",
            BCrypt.hash("012345678901234567890123456789012345678901234567890123456", 10, SALT));
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String hash = BCrypt.hash("hunter2", 4);
        assertTrue(hash.startsWith("$2a$04$"));
        assertEquals(60, hash.length());
        assertTrue(BCrypt.verify("hunter2", hash));
        assertFalse(BCrypt.verify("hunter3", hash));
        assertTrue(BCrypt.verify("allmine", "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga"));
    }

    @Test
    void malformedHashesNeverVerify() {
        assertFalse(BCrypt.verify("x", "$2a$10$fooo"));
        assertFalse(BCrypt.verify("x", "$2a$32$sssssssssssssssssssssshhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh"));
        assertFalse(BCrypt.verify("x", ""));
    }

    @Test
    void costBelowMinimumMeansDefaultAndLongPasswordsAreRefused() {
        assertTrue(BCrypt.hash("p", 0, SALT).startsWith("$2a$10$"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BCrypt.hash("x".repeat(73), 4));
        assertEquals("bcrypt: password length exceeds 72 bytes", e.getMessage());
    }
}
