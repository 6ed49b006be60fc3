package io.snapkeep.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.Topics;

/**
 * Writes the outbox row that hands a job's current attempt to the workers. Each attempt dumps to its own object
 * key, so a worker that was given up for lost and finishes late can never overwrite a newer attempt's archive.
 */
@ApplicationScoped
public class JobDispatcher {
    private final OutboxWriter outbox;
    private final ObjectMapper json;

    public JobDispatcher(OutboxWriter outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<Void> dispatchDump(Instance instance, Snapshot snapshot, Job job) {
        snapshot.objectKey = objectKey(snapshot, job.attempt);
        DumpJob message = new DumpJob(1, job.id.toString(), snapshot.id.toString(), instance.id.toString(),
                job.attempt, connectionOf(instance), optionsOf(snapshot), snapshot.objectKey);
        return outbox.append(Topics.DUMP_JOBS, instance.id.toString(), message).replaceWithVoid();
    }

    static String objectKey(Snapshot snapshot, int attempt) {
        return "snapshots/" + snapshot.instanceId + "/" + snapshot.id + "/attempt-" + attempt + "."
                + DumpFormat.of(snapshot.format).extension();
    }

    private static ConnectionSpec connectionOf(Instance instance) {
        return new ConnectionSpec(instance.host, instance.port, instance.databaseName, instance.username,
                instance.sslmode, instance.sealedPassword);
    }

    private DumpOptions optionsOf(Snapshot snapshot) {
        try {
            return json.readValue(snapshot.options, DumpOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + snapshot.id + " has unreadable options", e);
        }
    }
}
