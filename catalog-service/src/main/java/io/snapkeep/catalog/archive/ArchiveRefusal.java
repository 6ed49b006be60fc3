package io.snapkeep.catalog.archive;

import io.snapkeep.catalog.service.CatalogException;

/** The 422 answers for a body that is not a complete pg_dump archive: what was wrong, then what is accepted. */
public final class ArchiveRefusal {
    public static final String ACCEPTED = "Snapkeep takes a file made by stock pg_dump in custom (pg_dump -F c), tar "
            + "(pg_dump -F t) or plain SQL (pg_dump > file.sql) format, as it came out of pg_dump.";

    private ArchiveRefusal() {
    }

    public static CatalogException of(String what) {
        return CatalogException.unprocessable(null, what + " " + ACCEPTED);
    }
}
