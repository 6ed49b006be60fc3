package io.snapkeep.restoreworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.snapkeep.worker.job.JobIntake;

/**
 * Takes restore jobs from {@code snapkeep.restore-jobs}, one at a time, into the worker's slots ({@link JobIntake}:
 * each is acknowledged once it started; a malformed one is logged and skipped).
 */
@ApplicationScoped
public class RestoreJobConsumer {
    static final String CHANNEL = "restore-jobs";

    private final RestoreJobParser parser;
    private final JobIntake intake;
    private final RestoreJobRunner runner;

    RestoreJobConsumer(RestoreJobParser parser, JobIntake intake, RestoreJobRunner runner) {
        this.parser = parser;
        this.intake = intake;
        this.runner = runner;
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<String> message) {
        return intake.take(message, parser::parse, runner::run);
    }
}
