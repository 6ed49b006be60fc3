package io.snapkeep.dumpworker.pg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.messages.DumpOptions;

/**
 * The {@code pg_dump} argument list for a job's options. The connection is not in it (it goes through the
 * environment) and every user-given value is attached to its option with {@code =}, so none can pass for an option.
 */
public final class PgDumpCommand {

    private PgDumpCommand() {
    }

    public static List<String> arguments(Path pgDump, DumpOptions options, int compressionLevel) {
        List<String> args = new ArrayList<>();
        args.add(pgDump.toString());
        args.add("--no-password");
        String format = options.format().strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "custom" -> {
                args.add("--format=custom");
                args.add("--compress=" + compressionLevel);
            }
            case "tar" -> args.add("--format=tar");
            case "plain" -> args.add("--format=plain");
            default -> throw new DumpFailure(
                    "unknown dump format '" + options.format() + "': use custom, tar or plain");
        }
        if (options.schemaOnly()) {
            args.add("--schema-only");
        }
        for (String pattern : options.excludeTableData()) {
            if (pattern == null || pattern.isBlank()) {
                throw new DumpFailure("excludeTableData holds an empty table pattern");
            }
            args.add("--exclude-table-data=" + pattern);
        }
        if (options.noOwner()) {
            args.add("--no-owner");
        }
        if (options.noPrivileges()) {
            args.add("--no-privileges");
        }
        if (options.blobs()) {
            args.add("--blobs");
        }
        return args;
    }
}
