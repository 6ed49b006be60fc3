package io.snapkeep.dumpworker.job;

import io.snapkeep.messages.DumpJob;

/** The object one claim of a dump job writes: its own, so that two deliveries of one attempt never share one. */
final class ArchiveKey {
    private ArchiveKey() {
    }

    static String of(DumpJob job, String claimId) {
        return job.keyPrefix() + "attempt-" + job.attempt() + "-" + claimId + "." + job.extension();
    }
}
