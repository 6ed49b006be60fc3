package io.snapkeep.catalog.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How to reach a PostgreSQL database. The password is sealed at once and never shown again. {@code sslRootCert} is
 * the PEM CA certificate the server's certificate must chain to (needed for sslmode verify-ca and verify-full).
 */
public record ConnectionRequest(
        @NotBlank(message = "is required: the server's host name or address") String host,
        @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535") Integer port,
        @NotBlank(message = "is required: the database to snapshot") String database,
        @NotBlank(message = "is required: the role to connect as") String username,
        String password,
        String sslmode,
        String sslRootCert) {
}
