package io.snapkeep.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;

/**
 * A NetBox-like source database on the test PostgreSQL, dumped once per JVM by stock pg_dump as the guides do: tar
 * ({@code -O -x -b -F t --exclude-table-data=extras_objectchange}, Nautobot), custom ({@code -Fc -C}, NetBox) and
 * plain ({@code pg_dump > file.sql}). A table of random bytes makes every dump larger than Quarkus's 10 MB body limit.
 * Custom archives of other options too: uncompressed ({@code -Z0}), written to a pipe (no data offsets in the table
 * of contents), schema only, data only.
 */
public final class StockDumps {
    static final String DATABASE = "upload_source";
    private static final Pattern DATA_POS = Pattern.compile("^-- Data Pos: (\\d+)$", Pattern.MULTILINE);
    private static StockDumps dumps;

    final Path tar;
    final Path custom;
    final Path plain;
    /** Custom archives: name → file. */
    public final Map<String, Path> customs = new LinkedHashMap<>();

    private StockDumps(Path dir) {
        this.tar = dir.resolve("netbox.tar");
        this.custom = dir.resolve("netbox.dump");
        this.plain = dir.resolve("netbox.sql");
        customs.put("compressed", custom);
        for (String variant : List.of("uncompressed", "piped", "schema-only", "data-only")) {
            customs.put(variant, dir.resolve("netbox-" + variant + ".dump"));
        }
    }

    public static synchronized StockDumps get() {
        if (dumps == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "stock-dumps").toAbsolutePath());
                StockDumps made = new StockDumps(dir);
                made.make();
                dumps = made;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dumps;
    }

    Path of(String format) {
        return switch (format) {
            case "tar" -> tar;
            case "custom" -> custom;
            case "plain" -> plain;
            default -> throw new IllegalArgumentException(format);
        };
    }

    private void make() throws IOException {
        PostgresServer pg = LocalStack.startForTests().postgres();
        pg.createDatabase(DATABASE);
        pg.psql(DATABASE, """
                DROP TABLE IF EXISTS dcim_device, extras_objectchange, payload;
                CREATE TABLE dcim_device (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
                INSERT INTO dcim_device (name) SELECT 'device-' || g FROM generate_series(1, 2000) g;
                CREATE TABLE extras_objectchange (id serial PRIMARY KEY, data jsonb);
                INSERT INTO extras_objectchange (data) SELECT jsonb_build_object('change', g) FROM generate_series(1, 5000) g;
                CREATE TABLE payload (id serial PRIMARY KEY, data bytea);
                INSERT INTO payload (data) SELECT decode(md5(random()::text) || md5(random()::text), 'hex')
                    FROM generate_series(1, 400000);
                SELECT lo_from_bytea(0, 'a large object');
                """);
        pgDump(List.of("-O", "-x", "-b", "-F", "t", "--exclude-table-data=extras_objectchange", "-f", tar.toString()));
        pgDump(List.of("-Fc", "-C", "-f", custom.toString()));
        pgDump(List.of("-f", plain.toString()));
        pgDump(List.of("-Fc", "-Z0", "-f", customs.get("uncompressed").toString()));
        pgDump(List.of("-Fc", "-s", "-f", customs.get("schema-only").toString()));
        pgDump(List.of("-Fc", "-a", "-f", customs.get("data-only").toString()));
        pgDumpPiped(List.of("-Fc"), customs.get("piped"));
    }

    /** pg_dump writing to a pipe, which it cannot seek in: the table of contents holds no data offsets. */
    private static void pgDumpPiped(List<String> options, Path file) throws IOException {
        PostgresServer pg = LocalStack.startForTests().postgres();
        List<String> command = new ArrayList<>(List.of("pg_dump", "-h", pg.host(), "-p", String.valueOf(pg.port()),
                "-U", pg.superuser(), "-w"));
        command.addAll(options);
        command.add(DATABASE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PGPASSWORD", pg.password());
        Process process = builder.start();
        try (var in = process.getInputStream()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump to a pipe failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where each data block of a custom archive starts, as stock pg_restore reports it from the table of contents
     * ({@code -- Data Pos:} of {@code pg_restore -v -f -}); entries without data (shown at 0) left out; empty for
     * an archive written to a pipe.
     */
    public static List<Long> blockStarts(Path custom) {
        Matcher m = DATA_POS.matcher(run(List.of("pg_restore", "-v", "-f", "-", custom.toString()), null));
        List<Long> starts = new ArrayList<>();
        while (m.find()) {
            long start = Long.parseLong(m.group(1));
            if (start > 0 && !starts.contains(start)) {
                starts.add(start);
            }
        }
        starts.sort(null);
        return starts;
    }

    private static void pgDump(List<String> options) {
        PostgresServer pg = LocalStack.startForTests().postgres();
        List<String> command = new ArrayList<>(List.of("pg_dump", "-h", pg.host(), "-p", String.valueOf(pg.port()),
                "-U", pg.superuser(), "-w"));
        command.addAll(options);
        command.add(DATABASE);
        run(command, pg.password());
    }

    public static String run(List<String> command, String password) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (password != null) {
                builder.environment().put("PGPASSWORD", password);
            }
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip file holding {@code content} as one entry, as a user might send a zipped dump. */
    static byte[] zipOf(String name, byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
