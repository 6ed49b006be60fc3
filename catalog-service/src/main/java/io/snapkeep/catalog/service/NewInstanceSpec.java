package io.snapkeep.catalog.service;

import java.util.UUID;

/** The instance a NEW_DATABASE restore registers when it succeeds, kept on its job as JSON. */
public record NewInstanceSpec(UUID id, String name, String host, int port, String database, String username,
        String sealedPassword, String sslmode, String policy, String sslRootCert) {
}
