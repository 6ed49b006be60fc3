package io.snapkeep.archive;

import java.util.Base64;
import java.util.Map;
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
