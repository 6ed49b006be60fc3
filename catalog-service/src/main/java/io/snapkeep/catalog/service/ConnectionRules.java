package io.snapkeep.catalog.service;

import java.util.List;
import java.util.Optional;

import io.snapkeep.catalog.rest.dto.ConnectionRequest;
import io.snapkeep.guard.HostSyntax;
import io.snapkeep.guard.PgNames;

/**
 * What a requested connection may hold, checked before anything is stored or connected to: a host that is a name or
 * an IP literal only, PostgreSQL's limits on database and role names, a known sslmode, and a PEM root certificate
 * where one is given or the sslmode needs one. Each refusal is a 400 naming the field.
 */
final class ConnectionRules {
    static final String DEFAULT_SSLMODE = "prefer";
    static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final List<String> VERIFYING = List.of("verify-ca", "verify-full");

    private ConnectionRules() {
    }

    /** @return the sslmode, {@value #DEFAULT_SSLMODE} when none is given */
    static String check(ConnectionRequest connection) {
        refuse("connection.host", "host", HostSyntax.problem(connection.host()));
        refuse("connection.database", "database", PgNames.problem(connection.database()));
        refuse("connection.username", "username", PgNames.problem(connection.username()));
        if (connection.password() != null && connection.password().indexOf('\0') >= 0) {
            throw CatalogException.invalid("connection.password", "password must not contain a NUL character.");
        }
        String sslmode = connection.sslmode() == null ? DEFAULT_SSLMODE : connection.sslmode();
        if (!SSL_MODES.contains(sslmode)) {
            throw CatalogException.invalid("connection.sslmode",
                    "sslmode '" + sslmode + "' is unknown: use one of " + String.join(", ", SSL_MODES) + ".");
        }
        if (connection.sslRootCert() != null) {
            RootCertificates.check(connection.sslRootCert());
        } else if (VERIFYING.contains(sslmode)) {
            throw CatalogException.invalid(RootCertificates.FIELD, "sslmode " + sslmode + " checks the server's"
                    + " certificate against a CA: give that CA's certificate in PEM as sslRootCert.");
        }
        return sslmode;
    }

    private static void refuse(String field, String name, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw CatalogException.invalid(field, name + " " + p + ".");
        });
    }
}
