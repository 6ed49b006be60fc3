package io.snapkeep.messages;

/**
 * Where a worker connects. The password travels only as {@code sealedPassword}: an AES-GCM envelope
 * made by {@link PasswordSealer} that only holders of the shared key can open. {@code sslRootCert}, when set, is the
 * PEM CA certificate the server's certificate must chain to (not secret).
 */
public record ConnectionSpec(String host, int port, String database, String username, String sslmode,
        String sealedPassword, String sslRootCert) {
}
