package io.snapkeep.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapkeep.catalog.service.CatalogException;

class MultipartFileStreamTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    /** @param chunk how many bytes each read of the body returns at most, to split boundaries anywhere */
    @ParameterizedTest
    @ValueSource(ints = { 1, 3, 17, 4096, 1 << 20 })
    void theFilePartIsReadExactlyWhateverTheReadSizes(int chunk) throws IOException {
        byte[] file = new byte[300_000];
        new Random(1).nextBytes(file);
        // a near-boundary inside the file must not end it
        byte[] fake = ("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(fake, 0, file, 1000, fake.length);
        byte[] body = form(file, true);

        MultipartFileStream part = MultipartFileStream.open(new Trickle(body, chunk), BOUNDARY);
        assertArrayEquals(file, readAll(part, chunk));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 4096 })
    void aBodyCutInsideTheFileIsRefused(int chunk) throws IOException {
        byte[] file = new byte[10_000];
        new Random(2).nextBytes(file);
        byte[] body = form(file, false);
        MultipartFileStream part = MultipartFileStream.open(new Trickle(body, chunk), BOUNDARY);
        CatalogException e = assertThrows(CatalogException.class, () -> readAll(part, chunk));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "multipart/form-data; boundary=" + BOUNDARY,
            "multipart/form-data; boundary=\"" + BOUNDARY + "\"" })
    void theBoundaryIsTakenFromTheContentType(String contentType) {
        assertEquals(BOUNDARY, MultipartFileStream.boundary(contentType));
    }

    private static byte[] form(byte[] file, boolean closed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("preamble\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n"
                + "a field with a filename=\"file\" in it\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"netbox.dump\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        if (closed) {
            out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[Math.max(chunk, 7)];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Hands out at most {@code chunk} bytes per read, as a network stream may. */
    private static final class Trickle extends ByteArrayInputStream {
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
