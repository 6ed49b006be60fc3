package io.snapkeep.catalog.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;

import io.snapkeep.catalog.service.CatalogException;

/**
 * The content of the {@code file} part of a {@code multipart/form-data} body, read straight off the body as it arrives:
 * no temporary file, one 64 KiB buffer. Parts before it (other form fields) are skipped; the stream ends at the part's
 * closing boundary, and a body that ends before it is refused.
 */
final class MultipartFileStream extends InputStream {
    static final String FIELD = "file";
    private static final int BUFFER = 64 * 1024;
    private static final int HEADERS_MAX = 16 * 1024;
    private static final long OTHER_PART_MAX = 1 << 20;
    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))",
            Pattern.CASE_INSENSITIVE);

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int start;
    private int end;
    private int clearUntil;
    private boolean eof;
    private boolean partEnded;

    private MultipartFileStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER + delimiter.length];
        // the first boundary has no line break before it: pretend it has
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** The boundary of a {@code multipart/form-data} Content-Type; 400 when it has none. */
    static String boundary(String contentType) {
        String boundary = null;
        try {
            boundary = MediaType.valueOf(contentType).getParameters().get("boundary");
        } catch (IllegalArgumentException e) {
            // refused below
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw malformed("its Content-Type names no boundary");
        }
        return boundary;
    }

    /** Reads up to the start of the {@code file} part's content. */
    static MultipartFileStream open(InputStream body, String boundary) throws IOException {
        MultipartFileStream form = new MultipartFileStream(body, boundary);
        form.skipPart(OTHER_PART_MAX, "the preamble");
        while (true) {
            if (form.closingDelimiter()) {
                throw CatalogException.invalid(FIELD, "The form has no part named '" + FIELD + "': send the archive as "
                        + "the form's 'file' field, or as the raw body with Content-Type application/octet-stream.");
            }
            String headers = form.headers();
            if (FIELD.equals(nameOf(headers))) {
                return form;
            }
            form.skipPart(OTHER_PART_MAX, "a form field");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (start >= clearUntil) {
            if (partEnded) {
                return -1;
            }
            int at = indexOfDelimiter();
            if (at == start) {
                start += delimiter.length;
                clearUntil = start;
                partEnded = true;
                return -1;
            }
            if (at > start) {
                clearUntil = at;
            } else {
                clearUntil = Math.max(start, end - delimiter.length + 1);
                if (clearUntil == start) {
                    if (eof) {
                        throw malformed("it ends inside the '" + FIELD + "' part, before the closing boundary: the "
                                + "upload is incomplete");
                    }
                    fill();
                }
            }
        }
        int n = Math.min(length, clearUntil - start);
        System.arraycopy(buffer, start, target, offset, n);
        start += n;
        return n;
    }

    private void skipPart(long limit, String what) throws IOException {
        long skipped = 0;
        while (true) {
            int at = indexOfDelimiter();
            if (at >= 0) {
                start = at + delimiter.length;
                clearUntil = start;
                return;
            }
            int keep = Math.max(start, end - delimiter.length + 1);
            skipped += keep - start;
            start = keep;
            if (skipped > limit) {
                throw malformed(what + " before the '" + FIELD + "' part is larger than " + limit + " bytes");
            }
            if (eof) {
                throw malformed("it ends before its closing boundary");
            }
            fill();
        }
    }

    /** After a boundary: true when it is the closing one ({@code --}), else consumes the line break. */
    private boolean closingDelimiter() throws IOException {
        need(2);
        if (buffer[start] == '-' && buffer[start + 1] == '-') {
            start += 2;
            return true;
        }
        while (true) {
            need(1);
            byte b = buffer[start];
            if (b == ' ' || b == '\t') {
                start++;
            } else {
                break;
            }
        }
        need(2);
        if (buffer[start] != '\r' || buffer[start + 1] != '\n') {
            throw malformed("a boundary is not followed by a line break");
        }
        start += 2;
        return false;
    }

    /** The part's header lines, up to and without the empty line. */
    private String headers() throws IOException {
        while (true) {
            for (int i = start; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    String headers = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                    start = i + 4;
                    clearUntil = start;
                    return headers;
                }
            }
            if (end - start > HEADERS_MAX) {
                throw malformed("a part's headers are longer than " + HEADERS_MAX + " bytes");
            }
            if (eof) {
                throw malformed("it ends inside a part's headers");
            }
            fill();
        }
    }

    private static String nameOf(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-disposition")) {
                Matcher m = NAME.matcher(line.substring(colon + 1));
                if (m.find()) {
                    return m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
        }
        return null;
    }

    private void need(int bytes) throws IOException {
        while (end - start < bytes) {
            if (eof) {
                throw malformed("it ends right after a boundary");
            }
            fill();
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Moves what is left to the front and reads more; sets {@code eof} at the end of the body. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            clearUntil = Math.max(0, clearUntil - start);
            start = 0;
        }
        if (end == buffer.length) {
            return;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private static CatalogException malformed(String why) {
        return CatalogException.invalid(null, "The multipart/form-data body is malformed: " + why + ".");
    }
}
