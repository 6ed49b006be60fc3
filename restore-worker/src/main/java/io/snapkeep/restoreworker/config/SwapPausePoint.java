package io.snapkeep.restoreworker.config;

/** Where a fault test may make the in-place swap pause ({@code snapkeep.restore.test-pause-at}). */
public enum SwapPausePoint {
    /** Never pauses: the default, and the only value outside fault tests. */
    NONE,
    /** The target is closed to new connections; nothing is renamed yet. */
    AFTER_CLOSE,
    /** The rename transaction committed; SUCCEEDED is not sent yet. */
    AFTER_SWAP
}
