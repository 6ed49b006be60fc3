package io.snapkeep.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PasswordSealerTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final PasswordSealer sealer = PasswordSealer.fromBase64Key(KEY);

    @Test
    void sealedValueOpensOnlyInItsContext() {
        String sealed = sealer.seal("s3cr3t-pässword", "instance-1");
        assertFalse(sealed.contains("s3cr3t"));
        assertEquals("s3cr3t-pässword", sealer.open(sealed, "instance-1"));
        IllegalStateException wrongContext = assertThrows(IllegalStateException.class,
                () -> sealer.open(sealed, "instance-2"));
        assertFalse(wrongContext.getMessage().contains("s3cr3t"));
    }

    @Test
    void anEnvelopeForOneHostDoesNotOpenForAnother() {
        String forHostA = PasswordSealer.context("instance-1", "db-a.example", 5432, "netbox", "backup");
        String sealed = sealer.seal("pw", forHostA);
        assertEquals("pw", sealer.open(sealed, PasswordSealer.context("instance-1", "db-a.example", 5432, "netbox",
                "backup")));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed,
                PasswordSealer.context("instance-1", "db-b.example", 5432, "netbox", "backup")));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed,
                PasswordSealer.context("instance-1", "db-a.example", 6432, "netbox", "backup")));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed,
                PasswordSealer.context("instance-1", "db-a.example", 5432, "other", "backup")));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed,
                PasswordSealer.context("instance-1", "db-a.example", 5432, "netbox", "postgres")));
    }

    @Test
    void sealingTwiceGivesDifferentEnvelopes() {
        assertNotEquals(sealer.seal("x", "c"), sealer.seal("x", "c"));
    }

    @Test
    void anotherKeyCannotOpen() {
        byte[] other = new byte[32];
        other[0] = 1;
        PasswordSealer stranger = PasswordSealer.fromBase64Key(Base64.getEncoder().encodeToString(other));
        String sealed = sealer.seal("pw", "c");
        assertThrows(IllegalStateException.class, () -> stranger.open(sealed, "c"));
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordSealer.fromBase64Key(Base64.getEncoder().encodeToString(new byte[16])));
        assertEquals("the encryption key must be 32 bytes (base64 of 32 random bytes), got 16", e.getMessage());
    }
}
