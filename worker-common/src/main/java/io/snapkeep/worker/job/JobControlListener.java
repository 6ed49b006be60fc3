package io.snapkeep.worker.job;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.SignatureCheck;
import io.snapkeep.worker.JobKind;

/**
 * Reads {@code snapkeep.job-control} on the channel {@value #CHANNEL}, which each worker configures with a consumer
 * group of its own replica (every replica hears every command) reading only what comes after it started. A command
 * that is not validly signed is refused and logged, like a job; a CANCEL for a job this worker runs stops it
 * ({@link JobExecutor#cancel}).
 */
@ApplicationScoped
public class JobControlListener {
    public static final String CHANNEL = "job-control";
    private static final Logger LOG = Logger.getLogger(JobControlListener.class);

    private final JobExecutor executor;
    private final JobSignatures signatures;
    private final ObjectMapper json;
    private final JobKind kind;

    JobControlListener(JobExecutor executor, JobSignatures signatures, ObjectMapper json, JobKind kind) {
        this.executor = executor;
        this.signatures = signatures;
        this.json = json;
        this.kind = kind;
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<String> message) {
        SignatureCheck signature = signatures.check(message);
        if (signature != SignatureCheck.VALID) {
            LOG.warnf("refusing a job control command that is not validly signed (%s): %s",
                    JobIntake.origin(message), signature.description());
        } else {
            read(message).ifPresent(this::apply);
        }
        return Uni.createFrom().completionStage(message.ack());
    }

    private Optional<JobControl> read(Message<String> message) {
        try {
            JobControl control = json.readValue(message.getPayload(), JobControl.class);
            if (control.v() == 1 && control.jobId() != null && control.command() != null) {
                return Optional.of(control);
            }
        } catch (JsonProcessingException e) {
            // logged below, without the content
        }
        LOG.warnf("skipping a malformed job control command (%s)", JobIntake.origin(message));
        return Optional.empty();
    }

    private void apply(JobControl control) {
        switch (executor.cancel(control)) {
            case CANCELLED -> LOG.infof("job %s (attempt %d): cancelled by %s", control.jobId(), control.attempt(),
                    control.actor());
            case REFUSED -> LOG.infof("job %s (attempt %d): cancel by %s refused, the %s is past its point of no"
                    + " return", control.jobId(), control.attempt(), control.actor(), kind.name());
            case NOT_RUNNING_HERE -> LOG.debugf("job %s (attempt %d) does not run here; its cancel is remembered",
                    control.jobId(), control.attempt());
        }
    }
}
