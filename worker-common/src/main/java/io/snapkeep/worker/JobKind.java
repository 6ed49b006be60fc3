package io.snapkeep.worker;

import java.util.Locale;

/**
 * What a worker does, in the words the shared beans use for it in thread and metric names, logs and error texts. Each
 * worker produces one as a bean.
 *
 * @param name one word for the job, e.g. {@code dump}: threads {@code dump-job-1}, metrics {@code snapkeep.dump.jobs},
 *        sessions on the database server {@code snapkeep-dump-worker}
 * @param streamFailure how a failure moving the archive's bytes begins in a FAILED event, e.g. {@code reading the
 *        output of pg_dump failed}
 * @param bytesMeaning what the bytes counted in the metric {@code snapkeep.<name>.bytes} are
 * @param afterStop what a job stopped with the worker leaves, for the log, e.g. {@code its upload aborted}
 * @param afterLateStop what jobs that did not stop in time at shutdown may leave, e.g. {@code their multipart
 *        uploads may remain}
 */
public record JobKind(String name, String streamFailure, String bytesMeaning, String afterStop,
        String afterLateStop) {

    /** The {@code application_name} of the worker's sessions: {@code snapkeep-<name>-worker}. */
    public String applicationName() {
        return "snapkeep-" + name + "-worker";
    }

    /** The name starting a sentence: {@code Dump}. */
    public String title() {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
