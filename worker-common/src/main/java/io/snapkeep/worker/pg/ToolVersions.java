package io.snapkeep.worker.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.snapkeep.messages.ChildEnvironment;

/**
 * The {@code --version} line of client programs, asked once per program file: kept by the program's real path and
 * asked again when that file changes (a client upgraded in place), so a job does not pay for starting the tools just to
 * learn what it already knew.
 */
final class ToolVersions {
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** @throws io.snapkeep.worker.JobFailure when the program cannot be run or fails */
    String versionLine(Path program) {
        Path real = realPath(program);
        FileTime modified = modified(real);
        Known cached = known.get(real);
        if (cached != null && cached.modified().equals(modified)) {
            return cached.line();
        }
        String line = PgProcess.run(List.of(program.toString(), "--version"), ChildEnvironment::reduce, VERSION_TIMEOUT,
                "reading the version of " + program).strip();
        known.put(real, new Known(modified, line));
        return line;
    }

    /** The file a path leads to through links, or the path itself when it cannot be resolved. */
    static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private record Known(FileTime modified, String line) {
    }
}
