package io.snapkeep.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The object store of the archives, shared with the catalog. */
@ConfigMapping(prefix = "snapkeep.store")
public interface StoreConfig {

    /**
     * Bucket of the archives (env {@code SNAPKEEP_STORE_BUCKET}): the dump worker writes them there, the restore worker
     * reads them; the object key comes with each job.
     */
    @WithDefault("snapkeep")
    String bucket();
}
