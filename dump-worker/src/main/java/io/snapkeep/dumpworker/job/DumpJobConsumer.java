package io.snapkeep.dumpworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.snapkeep.worker.job.JobIntake;

/**
 * Takes dump jobs from {@code snapkeep.dump-jobs}, one at a time, into the worker's slots ({@link JobIntake}: each is
 * acknowledged once it started; a malformed one is logged and skipped).
 */
@ApplicationScoped
public class DumpJobConsumer {
    static final String CHANNEL = "dump-jobs";

    private final DumpJobParser parser;
    private final JobIntake intake;
    private final DumpJobRunner runner;

    DumpJobConsumer(DumpJobParser parser, JobIntake intake, DumpJobRunner runner) {
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
