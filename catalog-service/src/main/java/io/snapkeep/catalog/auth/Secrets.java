package io.snapkeep.catalog.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bearer secrets of the API: new API tokens ({@code snk_} and 32 random bytes in base64url), session and CSRF
 * tokens, and the SHA-256 under which each is stored. They carry 256 random bits, so a fast hash is the right one: a
 * stolen table row does not give the token back, and a lookup costs one hash.
 */
public final class Secrets {
    public static final String TOKEN_PREFIX = "snk_";
    /** Length of a token made here: the prefix and 43 base64url characters. */
    public static final int TOKEN_LENGTH = TOKEN_PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newApiToken() {
        return TOKEN_PREFIX + random();
    }

    /** A session cookie's or a CSRF token's value. */
    public static String newSessionSecret() {
        return random();
    }

    /** Whether {@code token} has the shape of an API token: the prefix and at least 32 bytes' worth of base64url. */
    public static boolean isApiTokenShaped(String token) {
        return token != null && token.startsWith(TOKEN_PREFIX) && token.length() >= TOKEN_LENGTH
                && token.substring(TOKEN_PREFIX.length()).chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    /** The hex SHA-256 a secret is stored and looked up under. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Compares two hashes in constant time. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
