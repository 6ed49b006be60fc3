package io.snapkeep.worker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.worker.JobFailure;
import io.snapkeep.worker.support.WorkerConfigs;

class PasswordOpenerTest {
    private static final String INSTANCE = "4f7c2a9e-0000-4000-8000-000000000001";
    private final PasswordSealer sealer = PasswordSealer.fromBase64Key(WorkerConfigs.KEY);
    private final PasswordOpener opener = new PasswordOpener(() -> WorkerConfigs.KEY);
    private final String sealedForHostA = sealer.seal("pw-of-a",
            PasswordSealer.context(INSTANCE, "db-a.example", 5432, "netbox", "backup"));

    @Test
    void opensTheEnvelopeForTheConnectionItWasSealedFor() {
        assertEquals("pw-of-a", opener.open(connection("db-a.example", sealedForHostA), INSTANCE));
    }

    @Test
    void refusesAnEnvelopeCopiedIntoAJobForAnotherHost() {
        JobFailure e = assertThrows(JobFailure.class,
                () -> opener.open(connection("db-b.example", sealedForHostA), INSTANCE));
        assertEquals("could not open the job's sealed password: it was not sealed for instance " + INSTANCE
                + " at backup@db-b.example:5432/netbox, or the worker's snapkeep.crypto.key is not the catalog's",
                e.getMessage());
        assertFalse(e.getMessage().contains("pw-of-a"));
    }

    @Test
    void noEnvelopeIsNoPassword() {
        assertEquals(null, opener.open(connection("db-a.example", null), INSTANCE));
    }

    private static ConnectionSpec connection(String host, String sealed) {
        return new ConnectionSpec(host, 5432, "netbox", "backup", "prefer", sealed, null);
    }
}
