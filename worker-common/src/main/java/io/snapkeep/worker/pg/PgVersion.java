package io.snapkeep.worker.pg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL version as a server or a tool reports it. {@code series} orders release lines: 1500 for 15.x, 906 for
 * 9.6.x (before 10 the first two numbers made the major version); {@code number} is the version as printed, e.g.
 * {@code 15.19}.
 */
public record PgVersion(int series, String number) {
    private static final Pattern VERSION = Pattern.compile("(?:^|\\(PostgreSQL\\)\\s+)((\\d+)(?:\\.(\\d+))?\\S*)");

    /** Parses {@code SHOW server_version} ("15.19 (Debian ...)") or a tool's {@code --version} output. */
    public static PgVersion parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.strip());
        if (!m.find()) {
            throw new IllegalArgumentException("not a PostgreSQL version: " + text);
        }
        int first = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int series = first >= 10 ? first * 100 : first * 100 + second;
        return new PgVersion(series, m.group(1));
    }

    /** The major version as users name it: {@code 15}, or {@code 9.6}. */
    public String major() {
        return series >= 1000 ? Integer.toString(series / 100) : series / 100 + "." + series % 100;
    }

    @Override
    public String toString() {
        return number;
    }
}
