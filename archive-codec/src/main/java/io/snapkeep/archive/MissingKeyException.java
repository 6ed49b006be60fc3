package io.snapkeep.archive;

import java.io.IOException;

/** The archive's data key is wrapped by a key the keyring does not hold; the message names the key id. */
public class MissingKeyException extends IOException {
    public MissingKeyException(String keyId) {
        super("archive key " + keyId + " is not in the keyring (snapkeep.archive.keys): the archive cannot be opened");
    }
}
