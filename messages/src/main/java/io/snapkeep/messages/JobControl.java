package io.snapkeep.messages;

/**
 * On {@link Topics#JOB_CONTROL}, keyed by job id, signed like jobs, read by every worker replica: the worker running
 * {@code attempt} of {@code jobId} carries out {@code command}. {@code actor} is who asked (as the audit trail names
 * them).
 */
public record JobControl(int v, String jobId, int attempt, Command command, String actor) implements JobMessage {

    public enum Command {
        CANCEL
    }

    public static JobControl cancel(String jobId, int attempt, String actor) {
        return new JobControl(1, jobId, attempt, Command.CANCEL, actor);
    }
}
