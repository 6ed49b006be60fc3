package io.snapkeep.restoreworker.plain;

/** What becomes of one statement of a plain dump. */
enum Verdict {
    /** Not known yet: more tokens are needed. */
    UNDECIDED,
    /** Passed on to psql. */
    KEEP,
    /** Left out. */
    DROP,
    /** Held back to its end: left out if it turns out to be {@code ALTER ... OWNER TO role}. */
    HOLD_FOR_OWNER,
    /** Never in a pg_dump of one database: the restore fails. */
    REJECT
}
