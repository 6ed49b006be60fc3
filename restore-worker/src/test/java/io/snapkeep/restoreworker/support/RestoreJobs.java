package io.snapkeep.restoreworker.support;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.RestoreOptions;
import io.snapkeep.messages.Topics;

/** Sends restore jobs the way the catalog does: JSON on {@code snapkeep.restore-jobs}, keyed by instance id. */
public final class RestoreJobs implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;
    private final PasswordSealer sealer;
    private final PostgresServer postgres;

    public RestoreJobs(String bootstrapServers, ObjectMapper mapper, String cryptoKey, PostgresServer postgres) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.mapper = mapper;
        this.sealer = PasswordSealer.fromBase64Key(cryptoKey);
        this.postgres = postgres;
    }

    /** A job restoring {@code archive} into {@code database} as {@code role}, with fresh ids and names. */
    public Builder job(RestoreMode mode, Archive archive, String database, String role, String password) {
        return new Builder(mode, archive, database, role, password);
    }

    public RestoreJob send(RestoreJob job) {
        try {
            sendRaw(job.instanceId(), mapper.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return job;
    }

    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.RESTORE_JOBS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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
        private final String jobId = UUID.randomUUID().toString();
        private final String instanceId = UUID.randomUUID().toString();
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
            this.options = new RestoreOptions(false, jobs);
            return this;
        }

        public Builder sizeBytes(long size) {
            this.sizeBytes = size;
            return this;
        }

        public Builder drop(List<String> databases) {
            this.drop = databases;
            return this;
        }

        public RestoreJob build() {
            String tag = jobId.substring(0, 8);
            ConnectionSpec target = new ConnectionSpec(postgres.host(), postgres.port(), database, role, "prefer",
                    sealer.seal(password, instanceId));
            return new RestoreJob(1, jobId, UUID.randomUUID().toString(), instanceId, 1, mode,
                    archive == null ? null : archive.key(), archive == null ? null : archive.format(),
                    archive == null ? null : archive.sha256(), sizeBytes, sourceVersion, target, options,
                    "snapkeep_side_" + tag, "snapkeep_prev_" + tag, drop);
        }

        public RestoreJob send() {
            return RestoreJobs.this.send(build());
        }
    }
}
