package io.snapkeep.archive;

import java.io.IOException;

/**
 * The stored object is not what a sealed archive writer wrote: a chunk failed authentication, is missing, out of
 * place or cut short, or the header is unreadable. Reading stops there: never a silently short archive.
 */
public class ArchiveTamperedException extends IOException {
    public ArchiveTamperedException(String message) {
        super(message);
    }

    public ArchiveTamperedException(String message, Throwable cause) {
        super(message, cause);
    }
}
