package io.snapkeep.restoreworker.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads an object of known size from the store, reopening it from where it stopped (a range request pinned to the same
 * ETag) when the connection breaks or ends early. A restore may leave the download idle for a long time while the
 * database builds an index, long enough for the store to drop the connection: that must not fail the restore.
 */
public final class ResumableObjectStream extends InputStream {
    private static final Logger LOG = Logger.getLogger(ResumableObjectStream.class);
    static final int MAX_FAILURES_WITHOUT_PROGRESS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

    /** Opens the object from an offset. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(long offset) throws IOException;
    }

    private final Opener opener;
    private final long size;
    private final String name;
    private final Duration firstPause;
    private InputStream current;
    private long position;
    private int failuresWithoutProgress;

    public ResumableObjectStream(Opener opener, long size, String name) {
        this(opener, size, name, FIRST_PAUSE);
    }

    /** @param firstPause the wait before the first retry; it doubles with each failure in a row */
    ResumableObjectStream(Opener opener, long size, String name, Duration firstPause) {
        this.opener = opener;
        this.size = size;
        this.name = name;
        this.firstPause = firstPause;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            closeCurrent();
            return -1;
        }
        while (true) {
            IOException failure;
            try {
                if (current == null) {
                    current = opener.open(position);
                }
                int n = current.read(buffer, offset, (int) Math.min(length, size - position));
                if (n > 0) {
                    position += n;
                    failuresWithoutProgress = 0;
                    return n;
                }
                failure = new IOException("the store ended the download of " + name + " at byte " + position
                        + " of " + size);
            } catch (IOException e) {
                failure = e;
            } catch (SdkException e) {
                failure = new IOException(e.getMessage(), e);
            }
            closeCurrent();
            pauseOrGiveUp(failure);
        }
    }

    private void pauseOrGiveUp(IOException failure) throws IOException {
        failuresWithoutProgress++;
        if (failuresWithoutProgress > MAX_FAILURES_WITHOUT_PROGRESS) {
            throw new IOException("reading " + name + " from the store failed " + failuresWithoutProgress
                    + " times in a row at byte " + position + " of " + size + ": " + failure.getMessage(), failure);
        }
        LOG.infof("reading %s broke at byte %d of %d (%s); resuming from there", name, position, size,
                failure.getMessage());
        try {
            Thread.sleep(firstPause.toMillis() << (failuresWithoutProgress - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while resuming the download of " + name, e);
        }
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debugf("closing a broken download of %s: %s", name, e.getMessage());
            }
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
