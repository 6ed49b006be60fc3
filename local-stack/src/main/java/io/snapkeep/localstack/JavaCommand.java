package io.snapkeep.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The java executable of this JVM and the server classpaths written into this module at build time. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Reads a classpath file (e.g. {@code kafka.classpath}) written by the build beside these classes. */
    static String classpath(String resource) {
        try (InputStream in = JavaCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: build the local-stack module with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
