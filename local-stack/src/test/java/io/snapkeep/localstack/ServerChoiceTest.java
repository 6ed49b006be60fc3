package io.snapkeep.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapkeep.localstack.ServerChoice.Choice;
import io.snapkeep.localstack.ServerChoice.Servers;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ServerChoiceTest {

    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("Docker was probed although the setting names the servers");
    };

    @Test
    void autoTakesContainersWhenADockerEngineAnswersAndProcessesWhenNone() {
        assertEquals(new Choice(Servers.CONTAINERS, "a Docker engine answers"),
                ServerChoice.choose("auto", () -> true));
        assertEquals(new Choice(Servers.PROCESSES, "no Docker engine answers"),
                ServerChoice.choose("auto", () -> false));
    }

    @Test
    void aNamedChoiceIsTakenWithoutProbingDocker() {
        assertEquals(Servers.PROCESSES, ServerChoice.choose("process", NOT_TO_BE_ASKED).servers());
        assertEquals(Servers.CONTAINERS, ServerChoice.choose("containers", NOT_TO_BE_ASKED).servers());
    }

    @Test
    void anUnknownSettingIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServerChoice.choose("docker", NOT_TO_BE_ASKED));

        assertEquals("snapkeep.test.servers must be process, containers or auto: docker", refused.getMessage());
    }

    @Test
    void theSystemPropertyBeatsTheEnvironmentWhichBeatsAuto() {
        Properties property = new Properties();
        property.setProperty("snapkeep.test.servers", " Process ");

        assertEquals("process", ServerChoice.setting(property, Map.of("SNAPKEEP_TEST_SERVERS", "containers")));
        assertEquals("containers",
                ServerChoice.setting(new Properties(), Map.of("SNAPKEEP_TEST_SERVERS", "containers")));
        assertEquals("auto", ServerChoice.setting(new Properties(), Map.of()));
    }
}
