package io.snapkeep.catalog.service;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.snapkeep.catalog.Instance;
import io.vertx.pgclient.PgException;

/**
 * Turns why the {@link DatabaseProbe} failed into one sentence with what to check (422 naming {@code connection}),
 * never quoting the driver, so nothing the server or the driver says (nor the password) reaches the answer.
 */
final class ProbeFailures {
    private static final String INVALID_PASSWORD = "28P01";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String INVALID_DATABASE = "3D000";
    private static final String TOO_MANY_CONNECTIONS = "53300";

    private ProbeFailures() {
    }

    static CatalogException of(Throwable failure, Instance target) {
        String where = (target.host.indexOf(':') >= 0 ? "[" + target.host + "]" : target.host) + ":" + target.port;
        return CatalogException.unprocessable("connection", sentence(failure, where, target));
    }

    private static String sentence(Throwable failure, String where, Instance target) {
        String connect = "Could not connect to " + where + ": ";
        String reachable = " Check the host, port and that the server accepts connections from the catalog.";
        if (failure instanceof PgException pg) {
            return switch (pg.getSqlState() == null ? "" : pg.getSqlState()) {
                case INVALID_PASSWORD -> connect + "the server refused the password for role " + target.username
                        + ". Check the username and password.";
                case INVALID_AUTHORIZATION -> connect + "the server refused role " + target.username
                        + " (no such role, or pg_hba.conf does not let it in from the catalog). Check the username"
                        + " and the server's pg_hba.conf.";
                case INVALID_DATABASE -> connect + "the server has no database postgres, which the catalog connects to"
                        + " to look for " + target.databaseName + ". Create it or use another server.";
                case TOO_MANY_CONNECTIONS -> connect + "the server has too many connections. Try again later.";
                default -> "The server at " + where + " refused to say whether database " + target.databaseName
                        + " exists (SQLSTATE " + pg.getSqlState() + "). Check that role " + target.username
                        + " may connect to database postgres.";
            };
        }
        if (causedBy(failure, SSLException.class)) {
            return connect + "the TLS handshake failed (sslmode " + target.sslmode + "). Check sslRootCert and, for"
                    + " verify-full, that the server's certificate names " + target.host + ".";
        }
        if (causedBy(failure, UnknownHostException.class)) {
            return connect + "the host name does not resolve. Check the host.";
        }
        if (causedBy(failure, ConnectTimeoutException.class)) {
            return connect + "no answer within " + DatabaseProbe.CONNECT_TIMEOUT_MILLIS / 1000 + " s." + reachable;
        }
        if (causedBy(failure, NoRouteToHostException.class)) {
            return connect + "no route to the host." + reachable;
        }
        if (causedBy(failure, ConnectException.class)) {
            return connect + "connection refused." + reachable;
        }
        if (target.sslmode.equals("require") || target.sslmode.startsWith("verify")) {
            return connect + "the connection failed with sslmode " + target.sslmode + " (does the server accept TLS?)."
                    + reachable;
        }
        return connect + "the connection failed." + reachable;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
