package io.snapkeep.messages;

/** A job handed to workers: which job, and which attempt of it. */
public interface JobMessage {
    String jobId();

    int attempt();
}
