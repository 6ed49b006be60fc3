package io.snapkeep.catalog.rest;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes, {@code first} to {@code last} inclusive, from a {@code Range: bytes=...} header (RFC 9110
 * 14.2): {@code a-b}, {@code a-} or the suffix {@code -n}. Several ranges, other units and malformed headers are
 * ignored (the whole content is sent), as the RFC allows.
 */
record ByteRange(long first, long last) {
    private static final Pattern SPEC = Pattern.compile("bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    long length() {
        return last - first + 1;
    }

    /** {@code bytes first-last/size}, the Content-Range of a 206. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * @return the range of content of {@code size} bytes that {@code header} asks for, or empty for all of it
     * @throws Unsatisfiable when it asks for bytes past the end only
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            // beyond a long: a range no archive satisfies
            throw new Unsatisfiable();
        }
    }

    /** The range lies past the end of the content: 416. */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
