package io.snapkeep.dumpworker.job;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.worker.job.JobJson;

/**
 * Reads a {@code DumpJob} from its JSON and checks it has what a dump needs. Its errors ({@link DumpFailure}) name
 * what is wrong but never quote the message, which holds a sealed password.
 */
@ApplicationScoped
public class DumpJobParser {
    static final int VERSION = 1;

    private final ObjectMapper mapper;

    DumpJobParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public DumpJob parse(String json) {
        DumpJob job = JobJson.read(mapper, json, DumpJob.class, DumpFailure::new);
        if (job.v() != VERSION) {
            throw new DumpFailure("unsupported message version " + job.v() + ", expected " + VERSION);
        }
        require(job.jobId(), "jobId");
        require(job.instanceId(), "instanceId");
        require(job.keyPrefix(), "keyPrefix");
        require(job.extension(), "extension");
        ConnectionSpec c = job.connection();
        if (c == null) {
            throw new DumpFailure("job " + job.jobId() + " has no connection");
        }
        require(c.host(), "connection.host");
        require(c.database(), "connection.database");
        require(c.username(), "connection.username");
        if (c.port() <= 0 || c.port() > 65535) {
            throw new DumpFailure("job " + job.jobId() + " has no valid connection.port");
        }
        DumpOptions options = job.options() == null ? DumpOptions.defaults() : job.options();
        return new DumpJob(job.v(), job.jobId(), job.snapshotId(), job.instanceId(), job.attempt(), c, options,
                job.keyPrefix(), job.extension());
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DumpFailure("missing " + field);
        }
    }
}
