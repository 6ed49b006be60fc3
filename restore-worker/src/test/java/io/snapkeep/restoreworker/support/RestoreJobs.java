package io.snapkeep.restoreworker.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DatabaseNames;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.RestoreOptions;
import io.snapkeep.messages.Topics;
import io.snapkeep.worker.support.JobProducer;

/** Sends restore jobs the way the catalog does: signed JSON on {@code snapkeep.restore-jobs}, keyed by instance id. */
public final class RestoreJobs implements AutoCloseable {
    private final JobProducer producer;
    private final PasswordSealer sealer;
    private final PostgresServer postgres;

    public RestoreJobs(String bootstrapServers, ObjectMapper mapper, String cryptoKey, String signingKey,
            PostgresServer postgres) {
        this.producer = new JobProducer(bootstrapServers, mapper, Topics.RESTORE_JOBS, signingKey);
        this.sealer = PasswordSealer.fromBase64Key(cryptoKey);
        this.postgres = postgres;
    }

    /** A job restoring {@code archive} into {@code database} as {@code role}, with fresh ids and names. */
    public Builder job(RestoreMode mode, Archive archive, String database, String role, String password) {
        return new Builder(mode, archive, database, role, password);
    }

    public RestoreJob send(RestoreJob job) {
        producer.send(job.instanceId(), job);
        return job;
    }

    public void sendRaw(String key, String value) {
        producer.sendRaw(key, value);
    }

    /** Sends {@code job} with the signature of {@code signed}, as if it had been altered after signing. */
    public void sendForged(RestoreJob job, RestoreJob signed) {
        producer.sendForged(job.instanceId(), job, signed);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A restore job under construction; {@link #send()} puts it on the topic. */
    public final class Builder {
        private final RestoreMode mode;
        private final Archive archive;
        private final String database;
        private final String role;
        private final String password;
        private String jobId = UUID.randomUUID().toString();
        private String instanceId = UUID.randomUUID().toString();
        private int attempt = 1;
        private String previous;
        private Boolean targetAllowConnections;
        private String sourceVersion = "15.4";
        private RestoreOptions options = RestoreOptions.defaults();
        private long sizeBytes;
        private List<String> drop = List.of();

        private Builder(RestoreMode mode, Archive archive, String database, String role, String password) {
            this.mode = mode;
            this.archive = archive;
            this.database = database;
            this.role = role;
            this.password = password;
            this.sizeBytes = archive == null ? 0 : archive.size();
        }

        public Builder sourceVersion(String version) {
            this.sourceVersion = version;
            return this;
        }

        public Builder parallelJobs(int jobs) {
            this.options = new RestoreOptions(false, jobs, options.untrustedArchive(), options.allowSuperuser());
            return this;
        }

        /** The archive was uploaded (untrusted SQL); {@code allowSuperuser} lets a superuser target restore it. */
        public Builder untrusted(boolean allowSuperuser) {
            this.options = new RestoreOptions(false, options.parallelJobs(), true, allowSuperuser);
            return this;
        }

        public Builder sizeBytes(long size) {
            this.sizeBytes = size;
            return this;
        }

        /**
         * The next attempt of {@code earlier}: the same job, instance and previous copy's name, the catalog's record of
         * whether the target accepted connections before an attempt's swap closed it (null: no SWAPPING recorded).
         */
        public Builder retryOf(RestoreJob earlier, Boolean targetAllowConnections) {
            this.jobId = earlier.jobId();
            this.instanceId = earlier.instanceId();
            this.attempt = earlier.attempt() + 1;
            this.previous = earlier.previousDatabase();
            this.targetAllowConnections = targetAllowConnections;
            return this;
        }

        public Builder drop(List<String> databases) {
            this.drop = databases;
            return this;
        }

        public RestoreJob build() {
            ConnectionSpec target = new ConnectionSpec(postgres.host(), postgres.port(), database, role, "prefer",
                    sealer.seal(password, PasswordSealer.context(instanceId, postgres.host(), postgres.port(), database,
                            role)), null);
            return new RestoreJob(1, jobId, UUID.randomUUID().toString(), instanceId, attempt, mode,
                    archive == null ? null : archive.key(), archive == null ? null : archive.format(),
                    archive == null ? null : archive.sha256(), sizeBytes, sourceVersion, target, options,
                    DatabaseNames.side(database, UUID.fromString(jobId), attempt),
                    previous != null ? previous : DatabaseNames.previous(database, Instant.now()), drop,
                    targetAllowConnections, null);
        }

        public RestoreJob send() {
            return RestoreJobs.this.send(build());
        }
    }
}
