package kapacitor.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * bcrypt password hashes in the format Kapacitor stores ({@code $2a$NN$} + 22 salt + 31 hash characters, as
 * golang.org/x/crypto/bcrypt writes them). Written here rather than added as a dependency: it is Blowfish with an
 * expensive key schedule. Hashing is deliberately slow (2^cost rounds): call it off the event loop.
 */
public final class BCrypt {
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;
    public static final int DEFAULT_COST = 10;
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int SALT_BYTES = 16;
    private static final int ENCODED_SALT = 22;
    private static final int MIN_HASH_SIZE = 59;

    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // "OrpheanBeholderScryDoubt", encrypted 64 times to produce the hash.
    private static final byte[] MAGIC = "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Blowfish's initial P-array and S-boxes: the hexadecimal digits of pi's fraction, in that order. */
    private static final int[] PI_WORDS = piWords(18 + 4 * 256);

    private BCrypt() {
    }

    /** A new hash of {@code password}; a cost below {@link #MIN_COST} means {@link #DEFAULT_COST}, as in Go. */
    public static String hash(String password, int cost) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, cost, salt);
    }

    static String hash(String password, int cost, byte[] salt) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        if (key.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("bcrypt: password length exceeds 72 bytes");
        }
        int c = cost < MIN_COST ? DEFAULT_COST : cost;
        if (c > MAX_COST) {
            throw new IllegalArgumentException("crypto/bcrypt: cost " + c + " is outside allowed range (4,31)");
        }
        String encodedSalt = encode(salt);
        return "$2a$" + String.format("%02d", c) + "$" + encodedSalt + crypt(key, c, decode(encodedSalt));
    }

    /** Whether {@code password} hashes to {@code hash}; false for a malformed hash. Constant-time comparison. */
    public static boolean verify(String password, String hash) {
        if (hash == null || hash.length() < MIN_HASH_SIZE || hash.charAt(0) != '$' || hash.charAt(1) > '2') {
            return false;
        }
        int n = hash.charAt(2) == '$' ? 3 : 4;
        int cost;
        try {
            cost = Integer.parseInt(hash.substring(n, n + 2));
        } catch (NumberFormatException e) {
            return false;
        }
        if (cost < MIN_COST || cost > MAX_COST) {
            return false;
        }
        int saltAt = n + 3;
        String encodedSalt = hash.substring(saltAt, saltAt + ENCODED_SALT);
        String expected = hash.substring(saltAt + ENCODED_SALT);
        byte[] salt;
        try {
            salt = decode(encodedSalt);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String actual = crypt(password.getBytes(StandardCharsets.UTF_8), cost, salt);
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
            expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String crypt(byte[] password, int cost, byte[] salt) {
        // C implementations include the terminating NUL in the key; Go and every compatible hash do too.
        byte[] key = Arrays.copyOf(password, password.length + 1);
        Blowfish bf = new Blowfish();
        bf.expandKey(key, salt);
        long rounds = 1L << cost;
        for (long i = 0; i < rounds; i++) {
            bf.expandKey(key, null);
            bf.expandKey(salt, null);
        }
        int[] data = new int[6];
        for (int i = 0; i < 6; i++) {
            data[i] = ((MAGIC[4 * i] & 0xff) << 24) | ((MAGIC[4 * i + 1] & 0xff) << 16)
                | ((MAGIC[4 * i + 2] & 0xff) << 8) | (MAGIC[4 * i + 3] & 0xff);
        }
        for (int i = 0; i < 6; i += 2) {
            for (int j = 0; j < 64; j++) {
                bf.encrypt(data, i);
            }
        }
        byte[] out = new byte[24];
        for (int i = 0; i < 6; i++) {
            out[4 * i] = (byte) (data[i] >>> 24);
            out[4 * i + 1] = (byte) (data[i] >>> 16);
            out[4 * i + 2] = (byte) (data[i] >>> 8);
            out[4 * i + 3] = (byte) data[i];
        }
        // Only 23 of the 24 bytes are encoded, for compatibility with the original implementation.
        return encode(Arrays.copyOf(out, 23));
    }

    static String encode(byte[] data) {
        String std = Base64.getEncoder().withoutPadding().encodeToString(data);
        StringBuilder b = new StringBuilder(std.length());
        for (int i = 0; i < std.length(); i++) {
            b.append(ALPHABET.charAt(STD.indexOf(std.charAt(i))));
        }
        return b.toString();
    }

    static byte[] decode(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int at = ALPHABET.indexOf(text.charAt(i));
            if (at < 0) {
                throw new IllegalArgumentException("illegal base64 data at input byte " + i);
            }
            b.append(STD.charAt(at));
        }
        return Base64.getDecoder().decode(b.toString());
    }

    /** The first {@code n} 32-bit words of pi's fractional part, from Machin's formula in fixed point. */
    private static int[] piWords(int n) {
        int bits = n * 32 + 64;
        BigInteger one = BigInteger.ONE.shiftLeft(bits);
        BigInteger pi = arctanOfInverse(5, one).shiftLeft(4).subtract(arctanOfInverse(239, one).shiftLeft(2));
        BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(bits)).shiftRight(64);
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = fraction.shiftRight((n - 1 - i) * 32).intValue();
        }
        return words;
    }

    private static BigInteger arctanOfInverse(int x, BigInteger one) {
        BigInteger x2 = BigInteger.valueOf((long) x * x);
        BigInteger power = one.divide(BigInteger.valueOf(x));
        BigInteger sum = power;
        boolean subtract = true;
        for (long k = 3; power.signum() != 0; k += 2) {
            power = power.divide(x2);
            BigInteger term = power.divide(BigInteger.valueOf(k));
            sum = subtract ? sum.subtract(term) : sum.add(term);
            subtract = !subtract;
        }
        return sum;
    }

    /** Blowfish state with bcrypt's salted key schedule (EksBlowfish). Not thread-safe: one per hash. */
    private static final class Blowfish {
        private final int[] p = Arrays.copyOfRange(PI_WORDS, 0, 18);
        private final int[] s = Arrays.copyOfRange(PI_WORDS, 18, PI_WORDS.length);
        private int keyAt;
        private int saltAt;

        /** XORs the key into P, then re-encrypts P and the S-boxes, mixing in {@code salt} when given. */
        void expandKey(byte[] key, byte[] salt) {
            keyAt = 0;
            for (int i = 0; i < 18; i++) {
                p[i] ^= nextKeyWord(key);
            }
            saltAt = 0;
            int[] block = new int[2];
            for (int i = 0; i < 18; i += 2) {
                mixSalt(block, salt);
                encrypt(block, 0);
                p[i] = block[0];
                p[i + 1] = block[1];
            }
            for (int i = 0; i < s.length; i += 2) {
                mixSalt(block, salt);
                encrypt(block, 0);
                s[i] = block[0];
                s[i + 1] = block[1];
            }
        }

        private void mixSalt(int[] block, byte[] salt) {
            if (salt != null) {
                block[0] ^= nextSaltWord(salt);
                block[1] ^= nextSaltWord(salt);
            }
        }

        private int nextKeyWord(byte[] data) {
            int w = 0;
            for (int i = 0; i < 4; i++) {
                w = (w << 8) | (data[keyAt] & 0xff);
                keyAt = (keyAt + 1) % data.length;
            }
            return w;
        }

        private int nextSaltWord(byte[] data) {
            int w = 0;
            for (int i = 0; i < 4; i++) {
                w = (w << 8) | (data[saltAt] & 0xff);
                saltAt = (saltAt + 1) % data.length;
            }
            return w;
        }

        private int f(int x) {
            int a = s[x >>> 24];
            int b = s[256 + ((x >>> 16) & 0xff)];
            int c = s[512 + ((x >>> 8) & 0xff)];
            int d = s[768 + (x & 0xff)];
            return ((a + b) ^ c) + d;
        }

        void encrypt(int[] block, int at) {
            int l = block[at];
            int r = block[at + 1];
            l ^= p[0];
            for (int i = 1; i <= 16; i += 2) {
                r ^= f(l) ^ p[i];
                l ^= f(r) ^ p[i + 1];
            }
            r ^= p[17];
            block[at] = r;
            block[at + 1] = l;
        }
    }

    /** Exposed for a self-check in tests: Blowfish's first and last initial words are well known. */
    static int[] piWordsForTest() {
        return PI_WORDS.clone();
    }
}
