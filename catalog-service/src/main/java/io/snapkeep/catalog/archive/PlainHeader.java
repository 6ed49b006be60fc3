package io.snapkeep.catalog.archive;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapkeep.catalog.service.DumpFormat;

/**
 * The first lines of a plain SQL dump: pg_dump writes {@code --}, {@code -- PostgreSQL database dump}, {@code --},
 * then the server and pg_dump versions as comments; {@code -C} adds the database's {@code CREATE DATABASE} and
 * {@code -v} a {@code -- Started on} time.
 */
final class PlainHeader {
    private static final Pattern START = Pattern.compile("\\A(?:\\uFEFF)?--\\r?\\n-- PostgreSQL database dump\\r?\\n");
    private static final Pattern SERVER = Pattern.compile("^-- Dumped from database version (.+?)\\r?$", Pattern.MULTILINE);
    private static final Pattern TOOL = Pattern.compile("^-- Dumped by pg_dump version (.+?)\\r?$", Pattern.MULTILINE);
    private static final Pattern STARTED = Pattern.compile("^-- Started on (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})",
            Pattern.MULTILINE);
    private static final Pattern CREATE = Pattern.compile("^CREATE DATABASE (\"(?:[^\"]|\"\")+\"|[^\\s;]+)",
            Pattern.MULTILINE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PlainHeader() {
    }

    static boolean looksLikePgDump(byte[] prefix, int length) {
        return START.matcher(text(prefix, Math.min(length, 256))).lookingAt();
    }

    static ArchiveInfo read(byte[] prefix, int length) {
        String text = text(prefix, length);
        String database = find(CREATE, text);
        if (database != null && database.startsWith("\"")) {
            database = database.substring(1, database.length() - 1).replace("\"\"", "\"");
        }
        return new ArchiveInfo(DumpFormat.PLAIN, null, ArchiveSniffer.versionNumber(find(SERVER, text)),
                ArchiveSniffer.versionNumber(find(TOOL, text)), database, time(find(STARTED, text)));
    }

    private static String text(byte[] prefix, int length) {
        return new String(prefix, 0, length, StandardCharsets.UTF_8);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static LocalDateTime time(String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
