package io.snapkeep.restoreworker.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseInfoTest {

    @Test
    void aReplacementGetsTheOwnerEncodingLocaleAndLimitOfTheOriginal() {
        DatabaseInfo libc = new DatabaseInfo("netbox", "net\"box", true, true, 20, "UTF8", "en_US.UTF-8",
                "en_US.UTF-8", "libc", null, null, "pg_default");

        assertEquals("TEMPLATE template0 OWNER \"net\"\"box\" ENCODING 'UTF8' LC_COLLATE 'en_US.UTF-8'"
                + " LC_CTYPE 'en_US.UTF-8' LOCALE_PROVIDER libc CONNECTION LIMIT 20", libc.createOptions());
    }

    @Test
    void icuLocalesAndTablespacesAreKept() {
        DatabaseInfo icu = new DatabaseInfo("d", "o", true, true, -1, "UTF8", "C", "C", "icu", "de-DE", null,
                "fast");

        assertEquals("TEMPLATE template0 OWNER \"o\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
                + " LOCALE_PROVIDER icu ICU_LOCALE 'de-DE' TABLESPACE \"fast\" CONNECTION LIMIT -1",
                icu.createOptions());
    }

    @Test
    void serversBeforeFifteenHaveNoLocaleProvider() {
        DatabaseInfo old = new DatabaseInfo("d", "o", true, true, -1, "LATIN1", "C", "C", null, null, null,
                "pg_default");

        assertEquals("TEMPLATE template0 OWNER \"o\" ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' CONNECTION LIMIT -1",
                old.createOptions());
    }
}
