package io.snapkeep.catalog.auth.dto;

/** {@code GET /tokens/self}: who the caller is; {@code kind} is {@code token} or {@code session}. */
public record SelfView(String kind, String name, String role) {
}
