package io.snapkeep.localstack;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * Which test servers a run starts: {@code snapkeep.test.servers} (system property, else the environment variable
 * {@code SNAPKEEP_TEST_SERVERS}) is {@code process}, {@code containers} or {@code auto} (the default: containers
 * when a Docker engine answers, else processes).
 */
public final class ServerChoice {

    static final String PROPERTY = "snapkeep.test.servers";
    static final String VARIABLE = "SNAPKEEP_TEST_SERVERS";

    /** What was chosen, and why, for the log. */
    public record Choice(Servers servers, String reason) {
    }

    /** The two ways of starting the servers. */
    public enum Servers { PROCESSES, CONTAINERS }

    private ServerChoice() {
    }

    /** The setting from the system properties, else the environment, else {@code auto}. */
    static String setting(Properties properties, Map<String, String> environment) {
        return properties.getProperty(PROPERTY, environment.getOrDefault(VARIABLE, "auto")).strip()
                .toLowerCase(Locale.ROOT);
    }

    /** Chooses by {@code setting}; {@code dockerReachable} is asked only for {@code auto}. */
    static Choice choose(String setting, BooleanSupplier dockerReachable) {
        return switch (setting) {
            case "process" -> new Choice(Servers.PROCESSES, PROPERTY + "=process");
            case "containers" -> new Choice(Servers.CONTAINERS, PROPERTY + "=containers");
            case "auto" -> dockerReachable.getAsBoolean()
                    ? new Choice(Servers.CONTAINERS, "a Docker engine answers")
                    : new Choice(Servers.PROCESSES, "no Docker engine answers");
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be process, containers or auto: " + setting);
        };
    }
}
