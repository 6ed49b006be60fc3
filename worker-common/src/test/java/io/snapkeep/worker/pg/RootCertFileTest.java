package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

class RootCertFileTest {
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    @Test
    void theCertificateIsAFileOnlyTheWorkerReadsAndItGoesWithTheJob() throws Exception {
        Path file;
        try (RootCertFile cert = RootCertFile.write(PEM)) {
            file = cert.path();
            assertEquals(PEM, Files.readString(file));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void withoutACertificateThereIsNoFile() throws Exception {
        try (RootCertFile cert = RootCertFile.write(null)) {
            assertNull(cert.path());
        }
    }
}
