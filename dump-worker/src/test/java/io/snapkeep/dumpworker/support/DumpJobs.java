package io.snapkeep.dumpworker.support;

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
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.PasswordSealer;
import io.snapkeep.messages.Topics;

/** Sends dump jobs the way the catalog does: JSON on {@code snapkeep.dump-jobs}, keyed by instance id. */
public final class DumpJobs implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;
    private final PasswordSealer sealer;

    public DumpJobs(String bootstrapServers, ObjectMapper mapper, String cryptoKey) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.mapper = mapper;
        this.sealer = PasswordSealer.fromBase64Key(cryptoKey);
    }

    /** A job for {@code database} on the test server as {@code user}, with a fresh job id and object key. */
    public DumpJob job(PostgresServer postgres, String database, String user, String password, DumpOptions options) {
        String instanceId = UUID.randomUUID().toString();
        String jobId = UUID.randomUUID().toString();
        ConnectionSpec connection = new ConnectionSpec(postgres.host(), postgres.port(), database, user, "prefer",
                sealer.seal(password, instanceId));
        return new DumpJob(1, jobId, UUID.randomUUID().toString(), instanceId, 1, connection, options,
                "snapshots/" + instanceId + "/" + jobId + ".dump");
    }

    public DumpJob send(DumpJob job) {
        try {
            sendRaw(job.instanceId(), mapper.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return job;
    }

    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.DUMP_JOBS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public static DumpOptions options(String format, boolean schemaOnly, List<String> excludeTableData) {
        return new DumpOptions(format, schemaOnly, excludeTableData, false, false, false);
    }

    @Override
    public void close() {
        producer.close();
    }
}
