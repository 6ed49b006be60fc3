package io.snapkeep.catalog.archive;

/**
 * Reads an archive through as it streams past, once: {@link #accept} gets every byte in order, {@link #finish} says
 * whether the whole was sound. Either {@link #finish} or {@link #abort} must be called.
 */
public interface ArchiveCheck {

    /** @throws io.snapkeep.catalog.service.CatalogException 422 as soon as the archive is known to be unsound */
    void accept(byte[] bytes, int offset, int length);

    /** After the last byte. @throws io.snapkeep.catalog.service.CatalogException 422 when the archive is unsound */
    void finish();

    /** Gives up, e.g. when the upload failed; releases what the check holds (a child process). */
    void abort();
}
