package io.snapkeep.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap archives' data keys, by id: the active one wraps new data keys, the others still unwrap
 * the archives made under them until those are re-wrapped. Keys are 256-bit AES keys given in base64; they never
 * appear in {@link #toString()} or in an exception.
 */
public final class ArchiveKeyring {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private ArchiveKeyring(Map<String, SecretKey> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /**
     * Reads {@code id:base64} entries separated by commas or line breaks (the form of {@code snapkeep.archive.keys}
     * and of a keys file; lines starting with # are skipped).
     *
     * @throws IllegalArgumentException naming the id (never the key) of what is wrong
     */
    public static ArchiveKeyring parse(String entries, String activeId) {
        Map<String, String> keys = new TreeMap<>();
        for (String entry : entries.split("[,\\n]")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("an archive key entry must read id:base64-key");
            }
            String id = trimmed.substring(0, colon).strip();
            if (keys.put(id, trimmed.substring(colon + 1)) != null) {
                throw new IllegalArgumentException("archive key " + id + " is given twice");
            }
        }
        return of(keys, activeId);
    }

    /**
     * The keyring a service is configured with: the entries of {@code snapkeep.archive.keys} and the lines of
     * {@code snapkeep.archive.keys-file}, together.
     *
     * @throws IllegalStateException when neither holds a key: without one no archive can be sealed or opened
     */
    public static ArchiveKeyring load(Optional<String> entries, Optional<Path> file, String activeId) {
        StringBuilder all = new StringBuilder(entries.orElse(""));
        if (file.isPresent()) {
            try {
                all.append('\n').append(Files.readString(file.get()));
            } catch (IOException e) {
                throw new IllegalStateException("the archive keys file " + file.get() + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        if (all.toString().isBlank()) {
            throw new IllegalStateException("no archive key is configured: set snapkeep.archive.keys (env"
                    + " SNAPKEEP_ARCHIVE_KEYS) to id:base64 of 32 random bytes (openssl rand -base64 32), or"
                    + " snapkeep.archive.keys-file to a file of such lines");
        }
        return parse(all.toString(), activeId);
    }

    /** @throws IllegalArgumentException naming the id (never the key) of what is wrong */
    public static ArchiveKeyring of(Map<String, String> base64ById, String activeId) {
        Map<String, SecretKey> keys = new TreeMap<>();
        base64ById.forEach((id, base64) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("archive key id '" + id + "' must be 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            keys.put(id, new SecretKeySpec(decode(id, base64), "AES"));
        });
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("the active archive key " + activeId + " is not in the keyring "
                    + keys.keySet());
        }
        return new ArchiveKeyring(Map.copyOf(keys), activeId);
    }

    private static byte[] decode(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("archive key " + id + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("archive key " + id + " must be 32 bytes (256 bits), it has "
                    + key.length);
        }
        return key;
    }

    public String activeId() {
        return activeId;
    }

    /** The key ids, sorted; never the keys. */
    public List<String> ids() {
        return keys.keySet().stream().sorted().toList();
    }

    public boolean holds(String id) {
        return keys.containsKey(id);
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    SecretKey key(String id) throws MissingKeyException {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new MissingKeyException(id);
        }
        return key;
    }

    @Override
    public String toString() {
        return "ArchiveKeyring[active=" + activeId + ", ids=" + keys.keySet() + "]";
    }
}
