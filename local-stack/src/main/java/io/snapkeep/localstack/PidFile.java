package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The launcher's pid file, read by {@code bin/snapkeep-local stop}; refuses a second launcher on the same home. */
record PidFile(Path file) {

    /** Writes this process's pid, unless the file names a process that is still alive. */
    static PidFile claim(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Optional<Long> recorded = Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
            if (recorded.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent()) {
                throw new IllegalStateException("already running (pid " + recorded.get() + ", " + file + ")");
            }
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
            return new PidFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
