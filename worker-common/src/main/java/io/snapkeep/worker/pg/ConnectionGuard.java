package io.snapkeep.worker.pg;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.guard.AllowedNetworks;
import io.snapkeep.guard.HostSyntax;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.worker.JobFailure;
import io.snapkeep.worker.config.InstancesConfig;

/**
 * Checks a job's host again before the worker connects, whatever the catalog checked: a host name or an IP literal
 * only, resolving into {@code snapkeep.instances.allowed-networks}. Built at startup, so a malformed setting stops the
 * worker before it takes any job.
 */
@Startup
@ApplicationScoped
public class ConnectionGuard {
    private final AllowedNetworks allowed;

    ConnectionGuard(InstancesConfig config) {
        this.allowed = AllowedNetworks.parse(config.allowedNetworks());
    }

    /** @throws JobFailure with the reason, in one sentence, when the worker must not connect */
    public void check(ConnectionSpec connection) {
        HostSyntax.problem(connection.host()).ifPresent(problem -> {
            throw new JobFailure("refused to connect: the job's host " + problem + "; nothing was connected to");
        });
        allowed.refusal(connection.host()).ifPresent(refusal -> {
            throw new JobFailure("refused to connect: " + refusal + "; nothing was connected to");
        });
    }
}
