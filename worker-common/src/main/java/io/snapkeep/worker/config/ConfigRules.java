package io.snapkeep.worker.config;

import java.util.List;

/** A worker's rules for its own keys, checked at startup together with the shared ones by {@link ConfigCheck}. */
public interface ConfigRules {

    /** One sentence per setting out of range, naming its key; empty when all is well. */
    List<String> problems();
}
