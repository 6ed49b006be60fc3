package io.snapkeep.worker.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the instances a worker connects to may be; the catalog reads the same key. */
@ConfigMapping(prefix = "snapkeep.instances")
public interface InstancesConfig {

    /**
     * Networks (CIDR, comma-separated; env {@code SNAPKEEP_INSTANCES_ALLOWED_NETWORKS}) every address of a job's host
     * must resolve into; a job whose host resolves elsewhere FAILS before anything connects. Default: any address.
     */
    @WithDefault("0.0.0.0/0,::/0")
    List<String> allowedNetworks();
}
