package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Where a throwaway PostgreSQL cluster keeps its data and socket: outside the checkout, so that the
 * {@code postgres} OS user reaches it whatever the checkout's path (a clone in a home directory of mode 0700 too).
 * A fresh one is removed when released; a stable one stays for the next run.
 */
public final class ClusterDirectory {

    private static final Path STABLE_ROOT = Path.of("/var/tmp");

    private final Path path;
    private final boolean removeOnRelease;

    private ClusterDirectory(Path path, boolean removeOnRelease) {
        this.path = path;
        this.removeOnRelease = removeOnRelease;
    }

    /** A new, empty directory under {@code java.io.tmpdir} (mode 0700), removed by {@link #release()}. */
    public static ClusterDirectory fresh() {
        try {
            return new ClusterDirectory(Files.createTempDirectory(
                    Path.of(System.getProperty("java.io.tmpdir")), "snapkeep-pg-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the throwaway PostgreSQL", e);
        }
    }

    /**
     * {@code /var/tmp/snapkeep-<hash of home>/postgres}: the same for every run with this {@code home}, kept when
     * released. The parent is created (mode 0755) when missing and refused when it is a link or not this user's.
     */
    static ClusterDirectory stableFor(Path home) {
        Path parent = STABLE_ROOT.resolve("snapkeep-" + hash(home));
        try {
            Files.createDirectories(parent);
            if (Files.isSymbolicLink(parent) || !Files.getOwner(parent, LinkOption.NOFOLLOW_LINKS).getName()
                    .equals(System.getProperty("user.name"))) {
                throw new IllegalStateException(parent + " is a link or belongs to another user; remove it");
            }
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + parent, e);
        }
        return new ClusterDirectory(parent.resolve("postgres"), false);
    }

    /** The first 12 hex digits of the SHA-256 of the absolute, normalised {@code home}. */
    static String hash(Path home) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** Removes a fresh directory and all in it; leaves a stable one. */
    void release() {
        if (!removeOnRelease || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + path, e);
        }
    }
}
