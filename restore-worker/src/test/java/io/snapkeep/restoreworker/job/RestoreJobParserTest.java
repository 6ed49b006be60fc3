package io.snapkeep.restoreworker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.RestoreFailure;

class RestoreJobParserTest {
    private static final String SHA = "ab".repeat(32);
    private static final String VALID = """
            {"v":1,"jobId":"j1","snapshotId":"s1","instanceId":"i1","attempt":2,"mode":"IN_PLACE",
             "objectKey":"snapshots/i1/s1/attempt-1.dump","format":"custom","sha256":"%s","sizeBytes":42,
             "sourceServerVersion":"15.4",
             "target":{"host":"db","port":5432,"database":"netbox","username":"nb","sslmode":"prefer",
                       "sealedPassword":"SEALED-SECRET"},
             "sideDatabase":"netbox_side","previousDatabase":"netbox_prev","dropDatabases":["netbox_old_side"],
             "extra":"ignored"}""".formatted(SHA);

    private final RestoreJobParser parser = new RestoreJobParser(
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false), "postgres");

    @Test
    void readsAJobAndDefaultsItsOptions() {
        RestoreJob job = parser.parse(VALID);

        assertEquals(RestoreMode.IN_PLACE, job.mode());
        assertEquals(2, job.attempt());
        assertEquals("netbox", job.target().database());
        assertFalse(job.options().keepOwners());
        assertEquals(1, job.options().parallelJobs());
    }

    @Test
    void refusesMalformedMessagesWithoutQuotingThem() {
        RestoreFailure broken = assertThrows(RestoreFailure.class,
                () -> parser.parse("{\"v\":1,\"jobId\":\"SEALED-SECRET"));
        assertFalse(broken.getMessage().contains("SEALED-SECRET"), broken.getMessage());
        RestoreFailure wrongType = assertThrows(RestoreFailure.class,
                () -> parser.parse(VALID.replace("\"port\":5432", "\"port\":\"SEALED-SECRET\"")));
        assertFalse(wrongType.getMessage().contains("SEALED-SECRET"), wrongType.getMessage());
        assertThrows(RestoreFailure.class, () -> parser.parse("not json at all"));
        assertThrows(RestoreFailure.class, () -> parser.parse(null));
    }

    @Test
    void refusesJobsMissingWhatTheirModeNeeds() {
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace("\"v\":1", "\"v\":2")));
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace("\"format\":\"custom\"",
                "\"format\":\"directory\"")));
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace(SHA, "xyz")));
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace("\"sideDatabase\":\"netbox_side\",",
                "")));
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace("netbox_prev", "netbox")));
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace("netbox_side", "n".repeat(64))));
        assertThrows(RestoreFailure.class, () -> parser.parse(VALID.replace("\"port\":5432", "\"port\":0")));
    }

    @Test
    void aNewDatabaseIsRestoredThroughASideDatabase() {
        String newDatabase = VALID.replace("IN_PLACE", "NEW_DATABASE");

        assertEquals("netbox_side", parser.parse(newDatabase).sideDatabase());
        assertThrows(RestoreFailure.class, () -> parser.parse(newDatabase.replace("\"sideDatabase\":\"netbox_side\",",
                "")));
        assertThrows(RestoreFailure.class, () -> parser.parse(newDatabase.replace("netbox_side", "netbox")));
    }

    @Test
    void neverDropsTheTargetTheKeptCopyOrASystemDatabase() {
        for (String name : new String[] { "netbox", "netbox_prev", "postgres", "template1" }) {
            RestoreFailure refused = assertThrows(RestoreFailure.class,
                    () -> parser.parse(VALID.replace("netbox_old_side", name)));
            assertTrue(refused.getMessage().contains("never drops"), refused.getMessage());
        }
    }

    @Test
    void dropDatabasesNeedsNoArchive() {
        RestoreJob job = parser.parse("""
                {"v":1,"jobId":"j2","instanceId":"i1","mode":"DROP_DATABASES",
                 "target":{"host":"db","port":5432,"database":"netbox","username":"nb"},
                 "dropDatabases":["netbox_prev_1","netbox_prev_2"]}""");

        assertEquals(2, job.dropDatabases().size());
    }
}
