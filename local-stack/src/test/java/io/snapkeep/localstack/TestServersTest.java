package io.snapkeep.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapkeep.localstack.ServerChoice.Servers;
import org.junit.jupiter.api.Test;

/** The test servers are chosen once per JVM; on these machines, with no Docker engine, they are the process stack. */
class TestServersTest {

    @Test
    void theChosenServersAreSharedAndAnswer() {
        Servers expected = ServerChoice.choose(ServerChoice.setting(System.getProperties(), System.getenv()),
                ContainerStack::dockerReachable).servers();

        TestServers servers = LocalStack.startForTests();

        assertSame(servers, LocalStack.startForTests());
        if (expected == Servers.PROCESSES) {
            assertSame(LocalStack.startProcessesForTests(), servers);
        } else {
            assertEquals(ContainerStack.class, servers.getClass());
        }
        String[] kafka = servers.kafkaBootstrapServers().split(":");
        assertTrue(Ports.isOpen(kafka[0], Integer.parseInt(kafka[1])), servers.kafkaBootstrapServers());
        assertEquals("1", servers.postgres().psql(LocalStack.CATALOG_DATABASE, "SELECT 1").strip());
    }
}
