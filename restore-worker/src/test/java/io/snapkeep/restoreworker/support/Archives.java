package io.snapkeep.restoreworker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.worker.support.Tools;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Makes archives the way users do (stock {@code pg_dump} into a file) and puts them in the store. */
public final class Archives {
    private final PostgresServer postgres;
    private final S3Client s3;
    private final String bucket;

    public Archives(PostgresServer postgres, S3Client s3, String bucket) {
        this.postgres = postgres;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Dumps {@code database} with {@code pg_dump <options>} and uploads the file. */
    public Archive dump(String database, String format, String... options) {
        try {
            Path file = Files.createTempFile(Path.of("target"), "archive-", "." + format);
            List<String> args = new ArrayList<>(List.of("pg_dump", "-d", database, "-f", file.toString()));
            args.addAll(List.of(options));
            Tools.run(postgres, args);
            return upload(file, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads {@code bytes} as an archive of {@code format}; its checksum is that of the bytes. */
    public Archive upload(Path file, String format) {
        String key = "archives/" + UUID.randomUUID() + "." + format;
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        try {
            return new Archive(key, format, sha256(file), Files.size(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores {@code bytes} under a new key, keeping the checksum and size of {@code original}: a damaged copy. */
    public Archive damaged(Archive original, byte[] bytes) {
        try {
            Path file = Files.createTempFile(Path.of("target"), "damaged-", "." + original.format());
            Files.write(file, bytes);
            Archive stored = upload(file, original.format());
            return new Archive(stored.key(), original.format(), original.sha256(), original.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
