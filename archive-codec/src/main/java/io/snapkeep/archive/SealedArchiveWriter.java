package io.snapkeep.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Takes an archive's bytes as pg_dump writes them and writes the sealed object: the header, then one chunk per segment
 * of archive bytes (compressed on its own by {@code threads} threads side by side, then encrypted in order under a
 * fresh data key), then the chunk index. At most {@code threads + 2} segments are held at a time, whatever the
 * archive's size. {@link #close()} writes the last chunk and the index and closes the sink; {@link #abandon()} stops
 * without them (the caller discards what was written).
 */
public final class SealedArchiveWriter extends OutputStream {
    private static final int FRAME_BYTES = 1 + Integer.BYTES;

    private final OutputStream sink;
    private final StageSettings settings;
    private final WrappedKey key;
    private final ChunkCipher cipher;
    private final ExecutorService pool;
    private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private final DigestCounter archive = new DigestCounter();
    private final DigestCounter object = new DigestCounter();
    private long[] offsets = new long[16];
    private int chunks;
    private byte[] segment;
    private int filled;
    private boolean closed;
    private SealedSummary summary;

    private SealedArchiveWriter(OutputStream sink, StageSettings settings, WrappedKey key, ChunkCipher cipher) {
        this.sink = sink;
        this.settings = settings;
        this.key = key;
        this.cipher = cipher;
        this.segment = new byte[settings.segmentSize()];
        this.pool = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "archive-compress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a sealed object on {@code sink} under a new data key, wrapped by the keyring's active key. */
    public static SealedArchiveWriter open(OutputStream sink, ArchiveKeyring keyring, StageSettings settings)
            throws IOException {
        var dataKey = DataKeys.generate();
        WrappedKey key = DataKeys.wrap(keyring, dataKey);
        ObjectHeader header = ObjectHeader.create(settings.codec(), settings.segmentSize(), DataKeys.randomNonce(), key);
        SealedArchiveWriter writer = new SealedArchiveWriter(sink, settings, key, new ChunkCipher(dataKey, header));
        writer.emit(header.bytes());
        return writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the sealed archive is already closed");
        }
        while (length > 0) {
            if (filled == segment.length) {
                submit();
                segment = new byte[settings.segmentSize()];
                filled = 0;
            }
            int n = Math.min(length, segment.length - filled);
            System.arraycopy(bytes, offset, segment, filled, n);
            archive.update(bytes, offset, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit();
            while (!inFlight.isEmpty()) {
                byte[] plain = await(inFlight.poll());
                writeChunk(plain, inFlight.isEmpty());
            }
            writeIndex();
            sink.flush();
            sink.close();
            summary = new SealedSummary(archive.bytes(), archive.hex(), object.bytes(), object.hex(),
                    settings.codec(), ObjectHeader.FORMAT_VERSION, key, settings.segmentSize());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops sealing: nothing more is written and the compressing threads end. The sink is left to the caller. */
    public void abandon() {
        closed = true;
        pool.shutdownNow();
    }

    /** What was written; only after {@link #close()}. */
    public SealedSummary summary() {
        if (summary == null) {
            throw new IllegalStateException("the sealed archive is not closed yet");
        }
        return summary;
    }

    private void submit() throws IOException {
        byte[] full = segment;
        int length = filled;
        inFlight.add(pool.submit(() -> Segments.compress(settings.codec(), settings.level(), full, length)));
        while (inFlight.size() > settings.threads()) {
            writeChunk(await(inFlight.poll()), false);
        }
    }

    private static byte[] await(Future<byte[]> compressed) throws IOException {
        try {
            return compressed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing the archive");
        } catch (ExecutionException e) {
            throw new IOException("compressing the archive failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void writeChunk(byte[] plain, boolean last) throws IOException {
        byte[] sealed = cipher.seal(chunks, last, plain, plain.length);
        if (chunks == offsets.length) {
            offsets = Arrays.copyOf(offsets, chunks * 2);
        }
        offsets[chunks++] = object.bytes();
        byte[] frame = new byte[FRAME_BYTES];
        frame[0] = (byte) (last ? 1 : 0);
        frame[1] = (byte) (sealed.length >>> 24);
        frame[2] = (byte) (sealed.length >>> 16);
        frame[3] = (byte) (sealed.length >>> 8);
        frame[4] = (byte) sealed.length;
        emit(frame);
        emit(sealed);
    }

    private void writeIndex() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new ChunkIndex(Arrays.copyOf(offsets, chunks)).write(new DataOutputStream(buffer));
        emit(buffer.toByteArray());
    }

    private void emit(byte[] bytes) throws IOException {
        sink.write(bytes);
        object.update(bytes, 0, bytes.length);
    }
}
