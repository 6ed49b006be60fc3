package io.snapkeep.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyRotationTest {
    private static final StageSettings SETTINGS = new StageSettings(Codec.ZSTD, 1, 2, 4096);

    @Test
    void anArchiveSealedUnderARetiredKeyOpensAfterItsDataKeyIsRewrappedAndTheOldKeyRemoved() throws Exception {
        byte[] archive = Archives.dumpLike(50_000, 5);
        Archives.Sealed sealed = Archives.seal(archive, Archives.KEYRING, SETTINGS);
        ArchiveKeyring rotated = ArchiveKeyring.of(Map.of("a", Archives.KEY_A, "b", Archives.KEY_B), "b");

        WrappedKey rewrapped = sealed.summary().key().rewrap(rotated);
        assertEquals("b", rewrapped.keyId());
        ArchiveKeyring withoutA = ArchiveKeyring.of(Map.of("b", Archives.KEY_B), "b");
        assertArrayEquals(archive, Archives.open(sealed.object(), withoutA, rewrapped));
    }

    @Test
    void aMissingKeyIsNamed() throws Exception {
        Archives.Sealed sealed = Archives.seal(Archives.dumpLike(10_000, 6), Archives.KEYRING, SETTINGS);
        ArchiveKeyring onlyB = ArchiveKeyring.of(Map.of("b", Archives.KEY_B), "b");
        MissingKeyException missing = assertThrows(MissingKeyException.class,
                () -> Archives.open(sealed.object(), onlyB, null));
        assertTrue(missing.getMessage().contains("archive key a is not in the keyring"), missing.getMessage());
    }

    @Test
    void aWrongKeyUnderTheSameIdFailsAuthentication() throws Exception {
        Archives.Sealed sealed = Archives.seal(Archives.dumpLike(10_000, 8), Archives.KEYRING, SETTINGS);
        ArchiveKeyring impostor = ArchiveKeyring.of(Map.of("a", Archives.KEY_B), "a");
        assertThrows(ArchiveTamperedException.class, () -> Archives.open(sealed.object(), impostor, null));
    }

    @Test
    void theKeyringRefusesBadKeysWithoutShowingThem() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> ArchiveKeyring.of(Map.of("k1", "c2hvcnQ="), "k1"));
        assertTrue(shortKey.getMessage().contains("k1 must be 32 bytes"), shortKey.getMessage());
        assertFalse(shortKey.getMessage().contains("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> ArchiveKeyring.of(Map.of("a", Archives.KEY_A), "b"));
        assertThrows(IllegalArgumentException.class, () -> ArchiveKeyring.of(Map.of("a b", Archives.KEY_A), "a b"));
        assertFalse(Archives.KEYRING.toString().contains(Archives.KEY_A));
    }
}
