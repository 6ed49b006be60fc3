package io.snapkeep.catalog.rest.dto;

/** Where an instance is; never carries the password. */
public record ConnectionView(String host, int port, String database, String username, String sslmode) {
}
