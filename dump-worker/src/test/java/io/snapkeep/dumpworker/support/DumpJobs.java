package io.snapkeep.dumpworker.support;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.messages.Topics;
import io.snapkeep.worker.support.JobProducer;

/** Sends dump jobs the way the catalog does: signed JSON on {@code snapkeep.dump-jobs}, keyed by instance id. */
public final class DumpJobs implements AutoCloseable {
    private final JobProducer producer;
    private final PasswordSealer sealer;

    public DumpJobs(String bootstrapServers, ObjectMapper mapper, String cryptoKey, String signingKey) {
        this.producer = new JobProducer(bootstrapServers, mapper, Topics.DUMP_JOBS, signingKey);
        this.sealer = PasswordSealer.fromBase64Key(cryptoKey);
    }

    /** A job for {@code database} on the test server as {@code user}, with a fresh job id and key prefix. */
    public DumpJob job(PostgresServer postgres, String database, String user, String password, DumpOptions options) {
        String instanceId = UUID.randomUUID().toString();
        String jobId = UUID.randomUUID().toString();
        ConnectionSpec connection = new ConnectionSpec(postgres.host(), postgres.port(), database, user, "prefer",
                sealer.seal(password, PasswordSealer.context(instanceId, postgres.host(), postgres.port(), database,
                        user)), null);
        return new DumpJob(1, jobId, UUID.randomUUID().toString(), instanceId, 1, connection, options,
                "snapshots/" + instanceId + "/" + jobId + "/", "dump");
    }

    public DumpJob send(DumpJob job) {
        producer.send(job.instanceId(), job);
        return job;
    }

    public void sendRaw(String key, String value) {
        producer.sendRaw(key, value);
    }

    /** Sends {@code job} without signature headers. */
    public void sendUnsigned(DumpJob job) {
        producer.sendUnsigned(job.instanceId(), job);
    }

    /** Sends {@code job} with the signature of {@code signed}, as if it had been altered after signing. */
    public void sendForged(DumpJob job, DumpJob signed) {
        producer.sendForged(job.instanceId(), job, signed);
    }

    public static DumpOptions options(String format, boolean schemaOnly, List<String> excludeTableData) {
        return new DumpOptions(format, schemaOnly, excludeTableData, false, false, false);
    }

    @Override
    public void close() {
        producer.close();
    }
}
