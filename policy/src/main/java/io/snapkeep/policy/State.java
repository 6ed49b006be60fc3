package io.snapkeep.policy;

/** Where a snapshot stands; only COMPLETED snapshots count toward a keep rule or are pruned. */
public enum State {
    PENDING, RUNNING, COMPLETED, FAILED, DELETED
}
