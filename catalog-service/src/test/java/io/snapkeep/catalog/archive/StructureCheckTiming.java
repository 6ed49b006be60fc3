package io.snapkeep.catalog.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times the structure walk alone over a custom archive file, read in the upload's 64 KiB pieces: {@code java -cp
 * catalog-service/target/classes:catalog-service/target/test-classes io.snapkeep.catalog.archive.StructureCheckTiming
 * FILE [RUNS]}. Prints each run's milliseconds and MB/s; against it time {@code pg_restore --file=/dev/null < FILE}.
 */
public final class StructureCheckTiming {
    private StructureCheckTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        byte[] buffer = new byte[ArchiveSniffer.PREFIX_SIZE];
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            CustomStructureCheck check = new CustomStructureCheck();
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    check.accept(buffer, 0, n);
                    size += n;
                }
            }
            check.finish();
            double ms = (System.nanoTime() - started) / 1e6;
            System.out.printf("run %d: %d bytes walked in %.1f ms (%.0f MB/s)%n", run, size, ms, size / 1e3 / ms);
        }
    }
}
