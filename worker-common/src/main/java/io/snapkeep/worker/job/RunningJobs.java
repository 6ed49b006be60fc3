package io.snapkeep.worker.job;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.JobMessage;

/**
 * The jobs a worker runs, by job id and attempt, so that a CANCEL command finds the one it names. A CANCEL for a job
 * this worker has not started is remembered (the latest {@value #REMEMBERED}), so that a job whose cancel overtook it
 * (cancelled while queued, taken by this worker just after) stops as soon as it starts.
 */
final class RunningJobs {
    private static final int REMEMBERED = 1000;

    /** What a CANCEL command did here. */
    enum CancelOutcome {
        CANCELLED, REFUSED, NOT_RUNNING_HERE
    }

    private final Map<String, Cancellation> running = new HashMap<>();
    private final Map<String, String> cancelledBeforeStart = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private boolean stopping;

    /** @return the new job's cancellation, or null when the worker is stopping */
    synchronized Cancellation start(JobMessage job) {
        if (stopping) {
            return null;
        }
        Cancellation cancellation = new Cancellation();
        String actor = cancelledBeforeStart.remove(key(job));
        if (actor != null) {
            cancellation.cancelBy(actor);
        }
        running.put(key(job), cancellation);
        return cancellation;
    }

    synchronized void end(JobMessage job) {
        running.remove(key(job));
    }

    synchronized CancelOutcome cancel(JobControl control) {
        Cancellation cancellation = running.get(key(control));
        if (cancellation == null) {
            cancelledBeforeStart.put(key(control), control.actor());
            return CancelOutcome.NOT_RUNNING_HERE;
        }
        return cancellation.cancelBy(control.actor()) ? CancelOutcome.CANCELLED : CancelOutcome.REFUSED;
    }

    /** Stops every running job and starts no further one. */
    synchronized void stopAll() {
        stopping = true;
        running.values().forEach(Cancellation::cancel);
    }

    private static String key(JobMessage job) {
        return job.jobId() + "#" + job.attempt();
    }
}
