package io.snapkeep.catalog.sealing;

import java.io.FilterInputStream;
import java.io.InputStream;

import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The archive bytes an export sends, read from the store object {@code object} (directly, or through a sealed reader
 * over it). {@link #abort()} stops without reading the rest of the object.
 */
public final class ExportStream extends FilterInputStream {
    private final ResponseInputStream<?> object;

    public ExportStream(InputStream archive, ResponseInputStream<?> object) {
        super(archive);
        this.object = object;
    }

    public void abort() {
        object.abort();
    }
}
