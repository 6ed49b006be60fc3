package io.snapkeep.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/** The name this worker signs its job events with: {@code snapkeep.worker.id}, or {@code <hostname>-<pid>}. */
@ApplicationScoped
public class WorkerIdentity {
    private final String id;

    WorkerIdentity(WorkerConfig config) {
        this.id = config.id().filter(s -> !s.isBlank()).orElseGet(WorkerIdentity::hostAndPid);
    }

    public String id() {
        return id;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
