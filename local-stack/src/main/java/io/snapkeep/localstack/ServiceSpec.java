package io.snapkeep.localstack;

import java.util.Map;

/**
 * One Snapkeep service to start: its Maven module (whose {@code target/quarkus-app/quarkus-run.jar} runs), its HTTP
 * port and the environment variables that configure it (the HTTP port among them).
 */
public record ServiceSpec(String module, int port, Map<String, String> environment) {

    public ServiceSpec {
        environment = Map.copyOf(environment);
    }
}
