package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** Random secrets, and secrets kept in owner-only files. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code bytes} random bytes, standard Base64 (e.g. a 32-byte encryption key). */
    public static String base64Key(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    /** A random password or key id of letters, digits, '-' and '_' (safe in URLs and config files). */
    public static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
    }

    /** A new Snapkeep API token: {@code snk_} and 32 random bytes in base64url, as the catalog makes them. */
    public static String apiToken() {
        return "snk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** The secret stored in {@code file}; made by {@code generator} and stored with mode 600 when missing. */
    public static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String secret = generator.get();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
