package io.snapkeep.dumpworker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.messages.DumpJob;

class DumpJobParserTest {
    private static final String VALID = """
            {"v":1,"jobId":"j1","snapshotId":"s1","instanceId":"i1","attempt":2,
             "connection":{"host":"db","port":5432,"database":"netbox","username":"nb","sslmode":"prefer",
                           "sealedPassword":"SEALED-SECRET"},
             "keyPrefix":"snapshots/i1/s1/","extension":"dump","extra":"ignored"}""";

    private final DumpJobParser parser = new DumpJobParser(
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));

    @Test
    void readsAJobAndDefaultsItsOptions() {
        DumpJob job = parser.parse(VALID);
        assertEquals("j1", job.jobId());
        assertEquals(2, job.attempt());
        assertEquals("netbox", job.connection().database());
        assertEquals("custom", job.options().format());
    }

    @Test
    void refusesMalformedMessagesWithoutQuotingThem() {
        DumpFailure broken = assertThrows(DumpFailure.class, () -> parser.parse("{\"v\":1,\"jobId\":\"SEALED-SECRET"));
        assertFalse(broken.getMessage().contains("SEALED-SECRET"), broken.getMessage());
        DumpFailure wrongType = assertThrows(DumpFailure.class,
                () -> parser.parse(VALID.replace("\"port\":5432", "\"port\":\"SEALED-SECRET\"")));
        assertFalse(wrongType.getMessage().contains("SEALED-SECRET"), wrongType.getMessage());
        assertThrows(DumpFailure.class, () -> parser.parse("not json at all"));
        assertThrows(DumpFailure.class, () -> parser.parse(null));
    }

    @Test
    void refusesJobsMissingWhatADumpNeeds() {
        assertThrows(DumpFailure.class, () -> parser.parse(VALID.replace("\"v\":1", "\"v\":2")));
        assertThrows(DumpFailure.class,
                () -> parser.parse(VALID.replace("\"keyPrefix\":\"snapshots/i1/s1/\",", "")));
        assertThrows(DumpFailure.class, () -> parser.parse(VALID.replace("\"extension\":\"dump\",", "")));
        assertThrows(DumpFailure.class, () -> parser.parse(VALID.replace("\"host\":\"db\"", "\"host\":\"\"")));
        assertThrows(DumpFailure.class, () -> parser.parse(VALID.replace("\"port\":5432", "\"port\":0")));
    }
}
