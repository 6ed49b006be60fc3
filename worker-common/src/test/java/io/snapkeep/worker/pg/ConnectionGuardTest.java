package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.worker.JobFailure;

class ConnectionGuardTest {
    private final ConnectionGuard loopbackOnly = new ConnectionGuard(() -> List.of("127.0.0.0/8", "::1/128"));

    @Test
    void aHostInsideTheAllowedNetworksPasses() {
        assertDoesNotThrow(() -> loopbackOnly.check(at("127.0.0.1")));
        assertDoesNotThrow(() -> new ConnectionGuard(() -> List.of("0.0.0.0/0", "::/0")).check(at("db.example")));
    }

    @Test
    void aHostOutsideFailsTheJobInOneSentence() {
        assertEquals("refused to connect: host 10.0.0.5 is outside the networks instances may be in"
                + " (snapkeep.instances.allowed-networks: 127.0.0.0/8,0:0:0:0:0:0:0:1/128); nothing was connected to",
                assertThrows(JobFailure.class, () -> loopbackOnly.check(at("10.0.0.5"))).getMessage());
    }

    @Test
    void aHostThatIsNotANameOrAnAddressFailsTheJob() {
        String message = assertThrows(JobFailure.class, () -> loopbackOnly.check(at("127.0.0.1/evil?x=1")))
                .getMessage();
        assertTrue(message.startsWith("refused to connect: the job's host is not a host name or an IP address"),
                message);
    }

    private static ConnectionSpec at(String host) {
        return new ConnectionSpec(host, 5432, "app", "app", "prefer", null, null);
    }
}
