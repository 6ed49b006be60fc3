package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolVersionsTest {

    @Test
    void asksAProgramItsVersionOnceAndAgainWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls");
        Path program = fakeTool(dir, calls, "pg_dump (PostgreSQL) 15.4", Instant.parse("2026-01-01T00:00:00Z"));
        ToolVersions versions = new ToolVersions();

        assertEquals("pg_dump (PostgreSQL) 15.4", versions.versionLine(program));
        assertEquals("pg_dump (PostgreSQL) 15.4", versions.versionLine(program));
        assertEquals(1, Files.readAllLines(calls).size());

        fakeTool(dir, calls, "pg_dump (PostgreSQL) 15.5", Instant.parse("2026-02-01T00:00:00Z"));
        assertEquals("pg_dump (PostgreSQL) 15.5", versions.versionLine(program));
        assertEquals(2, Files.readAllLines(calls).size());
    }

    @Test
    void knowsAProgramByItsRealPath(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls");
        Path program = fakeTool(dir, calls, "psql (PostgreSQL) 16.2", Instant.parse("2026-01-01T00:00:00Z"));
        Path link = Files.createSymbolicLink(dir.resolve("psql-link"), program);
        ToolVersions versions = new ToolVersions();

        versions.versionLine(program);
        assertEquals("psql (PostgreSQL) 16.2", versions.versionLine(link));
        assertEquals(List.of("called"), Files.readAllLines(calls));
    }

    private static Path fakeTool(Path dir, Path calls, String versionLine, Instant modified) throws Exception {
        Path program = dir.resolve("tool");
        Files.writeString(program, "#!/bin/sh\necho called >> '" + calls + "'\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(program, FileTime.from(modified));
        return program;
    }
}
