package io.snapkeep.e2e;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/** Who holds which partitions in a consumer group, as Kafka's admin API tells it. */
final class ConsumerGroups {
    private ConsumerGroups() {
    }

    /** The member ids of {@code group} that have partitions of {@code topic} assigned. */
    static Set<String> membersReading(String bootstrap, String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(10, TimeUnit.SECONDS);
            return description.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                    .map(m -> m.consumerId()).collect(Collectors.toSet());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
