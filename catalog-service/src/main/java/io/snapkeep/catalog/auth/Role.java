package io.snapkeep.catalog.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.snapkeep.catalog.service.CatalogException;

/**
 * What a principal may do; each role includes the ones before it. The constants name the roles in
 * {@code @RolesAllowed}: a principal holds its own role's name and those of every role it includes.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public static final String VIEWER_NAME = "viewer";
    public static final String OPERATOR_NAME = "operator";
    public static final String ADMIN_NAME = "admin";

    /** The role's name in the API and in {@code @RolesAllowed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role's name and those of the roles it includes. */
    public Set<String> grants() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** @throws CatalogException 400 naming {@code field} when {@code value} is no role */
    public static Role parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CatalogException.invalid(field, field + " is required: viewer, operator or admin.");
        }
        return Arrays.stream(values()).filter(r -> r.id().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> CatalogException.invalid(field,
                        field + " must be viewer, operator or admin, not '" + value + "'."));
    }

    /** The role with this stored name. */
    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
