package io.snapkeep.catalog.rest.dto;

/** Where an instance is; never carries the password. {@code sslRootCert} is the PEM CA certificate, if any. */
public record ConnectionView(String host, int port, String database, String username, String sslmode,
        String sslRootCert) {
}
